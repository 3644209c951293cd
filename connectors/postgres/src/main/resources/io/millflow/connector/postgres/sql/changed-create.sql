-- The orders of the current batch that were inserted or updated: only their lines are replaced.
CREATE TEMP TABLE millflow_changed_order (order_key text PRIMARY KEY, inserted boolean NOT NULL) ON COMMIT DROP
