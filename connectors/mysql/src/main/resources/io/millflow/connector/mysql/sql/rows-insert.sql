INSERT INTO ${table} (${columns}) VALUES (${placeholders})
