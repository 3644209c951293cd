INSERT INTO ${lines} (${columns}, synced_at)
SELECT ${stagedColumns}, now()
FROM millflow_stage_line AS s JOIN millflow_changed AS c ON c.record_key = s.order_key
WHERE NOT c.older
