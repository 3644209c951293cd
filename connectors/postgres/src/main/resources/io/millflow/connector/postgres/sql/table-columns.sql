-- The columns a table has now, to create it when absent and to add the ones a newer layout declares.
SELECT column_name, data_type
FROM information_schema.columns
WHERE table_schema = :schema AND table_name = :table
ORDER BY ordinal_position
