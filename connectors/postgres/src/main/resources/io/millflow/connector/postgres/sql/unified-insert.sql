-- Inserts the staged orders whose key is not stored yet; stored orders stay as they are.
WITH merged AS (
  INSERT INTO ${orders} AS t (${columns}, synced_at)
  SELECT ${columns}, now() FROM millflow_stage_order
  ON CONFLICT (${key}) DO NOTHING
  RETURNING t.${key} AS order_key, true AS inserted
)
INSERT INTO millflow_changed_order (order_key, inserted) SELECT order_key, inserted FROM merged
