-- A staging table with the target's column types, loaded by COPY; dropped when the write's transaction ends.
CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${columns} FROM ${target} WITH NO DATA
