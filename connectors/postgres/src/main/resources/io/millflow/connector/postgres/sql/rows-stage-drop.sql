-- Each batch of a generic dataset may bring other fields, so its staging table is made afresh. Qualified with pg_temp
-- so that it can never drop a permanent table of the same name.
DROP TABLE IF EXISTS pg_temp.millflow_stage_row
