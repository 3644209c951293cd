-- After the upsert: the staged records the newer-wins rule kept out, because the stored row has a later source
-- version (or has one where the staged record has none). An updated row now carries the staged version, so it is not
-- counted; neither is an identical re-write (equal versions).
SELECT count(*) FROM millflow_stage s JOIN ${table} t ON t.${key} = s.${key}
WHERE t.source_updated_at IS NOT NULL
  AND (s.source_updated_at IS NULL OR s.source_updated_at < t.source_updated_at)
