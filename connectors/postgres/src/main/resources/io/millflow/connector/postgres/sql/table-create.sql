CREATE TABLE IF NOT EXISTS ${table} (${columns})
