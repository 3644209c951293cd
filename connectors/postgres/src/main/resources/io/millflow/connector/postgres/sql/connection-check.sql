-- The connection test: who we are, the server, and whether the write schema exists and we may create tables there.
SELECT current_user AS user_name, current_setting('server_version') AS server_version,
  current_database() AS database_name, n.oid IS NOT NULL AS schema_exists,
  coalesce(has_schema_privilege(n.oid, 'CREATE'), false) AS may_create
FROM (SELECT 1) AS one LEFT JOIN pg_namespace AS n ON n.nspname = ?
