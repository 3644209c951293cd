-- Upserts the staged batch of unified records. A stored row is overwritten only by a version at least as new (by
-- source_updated_at) that differs from it: an out-of-order older version never wins, an identical re-write changes
-- nothing, and a version without source_updated_at never replaces one that has it.
-- A staged record older than the stored row takes the conflict path too, but every column keeps its stored value: so
-- the one lookup the upsert makes tells the ledger which records were kept out as older (older versions are rare; an
-- identical re-write, the common case, is still not touched). The stored row's version, returned, is newer than the
-- staged one only for those.
-- xmax = 0 holds only for a row version this statement inserted; an updated row carries the updater's xid there.
WITH merged AS (
  INSERT INTO ${table} AS t (${columns}, synced_at)
  SELECT ${columns}, now() FROM millflow_stage
  ON CONFLICT (${key}) DO UPDATE SET ${assignments}, synced_at = CASE WHEN ${older} THEN t.synced_at ELSE excluded.synced_at END
  WHERE ${older}
     OR ((t.source_updated_at IS NULL OR excluded.source_updated_at >= t.source_updated_at)
         AND (${storedValues}) IS DISTINCT FROM (${stagedValues}))
  RETURNING t.${key} AS record_key, (t.xmax = 0) AS inserted, t.source_updated_at AS stored_version
)
INSERT INTO millflow_changed (record_key, inserted, older)
SELECT m.record_key, m.inserted,
       coalesce(m.stored_version > coalesce(s.source_updated_at, '-infinity'::timestamptz), false)
FROM merged m JOIN millflow_stage s ON s.${key} = m.record_key
