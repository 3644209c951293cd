-- An inserted or updated order's lines are replaced as a whole: lines the source removed disappear.
DELETE FROM ${lines} AS l
USING (SELECT s."KEY" FROM ${stage} AS s JOIN "MILLFLOW_CHANGED" AS c ON c."RECORD_SEQ" = s."MILLFLOW_SEQ") AS c
WHERE l."ORDER_KEY" = c."KEY"
