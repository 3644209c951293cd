INSERT INTO ${table} (${insertColumns})
SELECT ${insertValues} FROM ${stage} AS s JOIN "MILLFLOW_CHANGED" AS c ON c."RECORD_SEQ" = s."MILLFLOW_SEQ"
