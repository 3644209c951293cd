INSERT INTO ${table} (${columns}) SELECT ${columns} FROM millflow_stage_row
