-- Without key fields every staged record is appended.
INSERT INTO "MILLFLOW_CHANGED" ("RECORD_SEQ", "INSERTED") SELECT "MILLFLOW_SEQ", TRUE FROM ${stage}
