-- The stored rows of the current batch's keys, taken before the upsert: comparing them with the rows afterwards counts
-- inserted, updated and unchanged exactly (the affected-rows count of a rewritten multi-row batch cannot).
-- A TEMPORARY table does not commit the write's transaction, as other DDL would.
CREATE TEMPORARY TABLE ${before} LIKE ${table}
