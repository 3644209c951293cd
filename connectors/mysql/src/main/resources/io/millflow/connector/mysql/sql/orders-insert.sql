-- Inserts the orders whose key is not stored yet; stored orders stay as they are (the update is a no-op).
INSERT INTO ${orders} (${columns}, `synced_at`) VALUES (${placeholders}, NOW(6))
ON DUPLICATE KEY UPDATE `key` = `key`
