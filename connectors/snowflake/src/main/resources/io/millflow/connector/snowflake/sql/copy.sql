-- Loads the staged files (ON_ERROR defaults to ABORT_STATEMENT: one bad value fails the load) and removes them.
COPY INTO ${table} (${columns}, "MILLFLOW_SEQ") FROM (SELECT ${fields} FROM @${stage}/${folder}/) PURGE = TRUE
