-- Snowflake does not enforce the primary key; it documents the key, and the MERGE keeps it unique.
CREATE TABLE IF NOT EXISTS ${table} (${columns}${primaryKey})
