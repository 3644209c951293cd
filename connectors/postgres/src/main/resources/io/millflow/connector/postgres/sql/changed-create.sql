-- The records of the current batch that were inserted or updated: their counts, and (for orders) whose lines to replace.
CREATE TEMP TABLE millflow_changed (record_key text PRIMARY KEY, inserted boolean NOT NULL) ON COMMIT DROP
