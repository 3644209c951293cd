-- Inserts the staged records whose key is not stored yet; stored rows stay as they are.
WITH merged AS (
  INSERT INTO ${table} AS t (${columns}, synced_at)
  SELECT ${columns}, now() FROM millflow_stage
  ON CONFLICT (${key}) DO NOTHING
  RETURNING t.${key} AS record_key, true AS inserted
)
INSERT INTO millflow_changed (record_key, inserted) SELECT record_key, inserted FROM merged
