-- Inserts the rows whose key is not stored yet; stored rows stay as they are (the update is a no-op).
INSERT INTO ${table} (${columns}) VALUES (${placeholders}) ON DUPLICATE KEY UPDATE ${noop}
