INSERT INTO ${lines} (${columns}, synced_at)
SELECT ${stagedColumns}, now()
FROM millflow_stage_order_line AS s JOIN millflow_changed_order AS c ON c.order_key = s.order_key
