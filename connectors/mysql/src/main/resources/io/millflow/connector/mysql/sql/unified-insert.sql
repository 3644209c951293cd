-- Inserts the records whose key is not stored yet; stored rows stay as they are (the update is a no-op).
INSERT INTO ${table} (${columns}, `synced_at`) VALUES (${placeholders}, NOW(6))
ON DUPLICATE KEY UPDATE `key` = `key`
