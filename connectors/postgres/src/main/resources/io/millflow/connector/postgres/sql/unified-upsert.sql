-- Upserts the staged batch of unified records. A stored row is overwritten only by a version at least as new (by
-- source_updated_at) that differs from it: an out-of-order older version never wins, an identical re-write changes
-- nothing, and a version without source_updated_at never replaces one that has it.
-- xmax = 0 holds only for a row version this statement inserted; an updated row carries the updater's xid there.
WITH merged AS (
  INSERT INTO ${table} AS t (${columns}, synced_at)
  SELECT ${columns}, now() FROM millflow_stage
  ON CONFLICT (${key}) DO UPDATE SET ${assignments}, synced_at = excluded.synced_at
  WHERE (t.source_updated_at IS NULL OR excluded.source_updated_at >= t.source_updated_at)
    AND (${storedValues}) IS DISTINCT FROM (${stagedValues})
  RETURNING t.${key} AS record_key, (t.xmax = 0) AS inserted
)
INSERT INTO millflow_changed (record_key, inserted) SELECT record_key, inserted FROM merged
