-- The staged records this write inserts or updates, by their position in the dataset.
CREATE OR REPLACE TEMPORARY TABLE "MILLFLOW_CHANGED" ("RECORD_SEQ" NUMBER(19,0), "INSERTED" BOOLEAN)
