-- The records of the current batch that the upsert took: inserted, updated, or kept as stored because the staged
-- version is older (the ledger counts those); for orders, whose lines to replace (not those kept as older).
CREATE TEMP TABLE millflow_changed (record_key text PRIMARY KEY, inserted boolean NOT NULL, older boolean NOT NULL DEFAULT false) ON COMMIT DROP
