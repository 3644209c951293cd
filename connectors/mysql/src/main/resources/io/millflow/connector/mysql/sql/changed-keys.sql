-- The stored rows of the batch that the upsert changed: a column differs from its value before.
SELECT ${storedKey} FROM ${before} AS b JOIN ${table} AS t ON ${joinOnKey} WHERE NOT (${unchanged})
