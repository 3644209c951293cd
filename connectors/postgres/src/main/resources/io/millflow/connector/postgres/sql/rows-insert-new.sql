-- Inserts the staged rows whose key is not stored yet; stored rows stay as they are.
INSERT INTO ${table} (${columns}) SELECT ${columns} FROM millflow_stage_row ON CONFLICT (${key}) DO NOTHING
