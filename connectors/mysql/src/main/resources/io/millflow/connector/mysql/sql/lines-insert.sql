INSERT INTO ${lines} (${columns}, `synced_at`) VALUES (${placeholders}, NOW(6))
