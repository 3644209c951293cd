-- The columns a table has now (none when it is absent), to create it or add the ones a newer layout declares.
SELECT column_name, data_type FROM information_schema.columns
WHERE table_schema = ? AND table_name = ?
ORDER BY ordinal_position
