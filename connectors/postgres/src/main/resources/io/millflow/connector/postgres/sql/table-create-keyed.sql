CREATE TABLE IF NOT EXISTS ${table} (${columns}, PRIMARY KEY (${key}))
