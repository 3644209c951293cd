-- The staged records whose key is not stored yet (mode insert); one version per key, as in changed-upsert.sql.
INSERT INTO "MILLFLOW_CHANGED" ("RECORD_SEQ", "INSERTED")
SELECT s."MILLFLOW_SEQ", TRUE
FROM (SELECT * FROM ${stage} QUALIFY ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${newestFirst}) = 1) AS s
LEFT JOIN ${table} AS t ON ${joinOnKey}
WHERE t.${firstKey} IS NULL
