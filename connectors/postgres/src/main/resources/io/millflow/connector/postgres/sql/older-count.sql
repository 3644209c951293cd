-- After the upsert: the staged records the newer-wins rule kept out, because the stored row has a later source
-- version (or has one where the staged record has none). An updated row now carries the staged version, so it is not
-- counted; neither is an identical re-write (equal versions).
-- A scalar subquery per staged record, one primary-key lookup each: as a join, the planner (the staging table has no
-- statistics) scanned the whole target table once per batch, which cost a quarter of an unchanged re-write.
SELECT count(*) FROM millflow_stage s
WHERE (SELECT t.source_updated_at FROM ${table} t WHERE t.${key} = s.${key})
  > coalesce(s.source_updated_at, '-infinity'::timestamptz)
