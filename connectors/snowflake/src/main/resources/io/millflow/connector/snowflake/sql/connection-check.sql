-- The connection test: who we are, the server, and what the session could resolve of the connection's settings (a
-- database, schema or warehouse that does not exist, or that the role may not use, comes back NULL).
SELECT CURRENT_USER() AS user_name, CURRENT_ROLE() AS role_name, CURRENT_VERSION() AS server_version,
  CURRENT_DATABASE() AS database_name, CURRENT_SCHEMA() AS schema_name, CURRENT_WAREHOUSE() AS warehouse_name
