-- A staging table with the target's column types plus the record's position in the dataset (MILLFLOW_SEQ), which
-- picks the version of a key that wins and ties nested rows to their parent.
CREATE OR REPLACE TEMPORARY TABLE ${stage} AS SELECT ${columns}, 0::NUMBER(19,0) AS "MILLFLOW_SEQ" FROM ${target} LIMIT 0
