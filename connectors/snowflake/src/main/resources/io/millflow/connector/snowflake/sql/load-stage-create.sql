-- The session's internal stage the dataset's gzip CSV files are PUT to. Every non-null value is quoted, so an
-- unquoted empty field is NULL and a quoted one the empty text; times come as 2024-03-01T10:00:00.000000000+00:00.
CREATE OR REPLACE TEMPORARY STAGE ${stage}
FILE_FORMAT = (TYPE = CSV COMPRESSION = GZIP FIELD_DELIMITER = ',' FIELD_OPTIONALLY_ENCLOSED_BY = '"'
  ESCAPE_UNENCLOSED_FIELD = NONE EMPTY_FIELD_AS_NULL = TRUE NULL_IF = () ENCODING = 'UTF8'
  TIMESTAMP_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.FF9TZH:TZM')
