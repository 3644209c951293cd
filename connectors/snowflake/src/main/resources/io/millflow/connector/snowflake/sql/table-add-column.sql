-- Layouts only grow: a new field becomes a nullable column, and no write ever drops one.
ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS ${column} ${type}
