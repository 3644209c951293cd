INSERT INTO ${before} SELECT * FROM ${table} WHERE (${key}) IN (${keys})
