-- Replace empties the table with DELETE, not TRUNCATE: TRUNCATE commits on its own and cannot be rolled back.
DELETE FROM ${table}
