-- The columns a table has now (none when it is absent), to create it or add the ones a newer layout declares.
-- From pg_catalog rather than information_schema, which hides the columns of tables the user has no privilege on.
SELECT a.attname AS column_name, a.atttypid::regtype::text AS data_type
FROM pg_attribute AS a
WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attnum
