-- TRUNCATE is DML in Snowflake: it belongs to the write's transaction and rolls back with it.
TRUNCATE TABLE ${table}
