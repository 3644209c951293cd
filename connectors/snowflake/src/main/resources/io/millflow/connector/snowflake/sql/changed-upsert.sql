-- The staged records that change the target: new keys, and stored rows that an at-least-as-new version (by
-- source_updated_at, for unified records) makes different. One version per key: the newest, the later one on a tie.
INSERT INTO "MILLFLOW_CHANGED" ("RECORD_SEQ", "INSERTED")
SELECT s."MILLFLOW_SEQ", t.${firstKey} IS NULL
FROM (SELECT * FROM ${stage} QUALIFY ROW_NUMBER() OVER (PARTITION BY ${key} ORDER BY ${newestFirst}) = 1) AS s
LEFT JOIN ${table} AS t ON ${joinOnKey}
WHERE t.${firstKey} IS NULL OR (${newer} AND NOT (${unchanged}))
