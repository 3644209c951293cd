-- One MERGE applies the changed records: the newer-wins and unchanged tests already chose them.
MERGE INTO ${table} AS t
USING (SELECT s.* FROM ${stage} AS s JOIN "MILLFLOW_CHANGED" AS c ON c."RECORD_SEQ" = s."MILLFLOW_SEQ") AS s
ON ${joinOnKey}
WHEN MATCHED THEN UPDATE SET ${assignments}
WHEN NOT MATCHED THEN INSERT (${insertColumns}) VALUES (${insertValues})
