-- The connection test: who we are, the server, the session's database, and whether we may create tables in it
-- (a global CREATE grant, or one on a database pattern the database matches). The privilege views list only the
-- current user's grants to an ordinary user, but every grant to an administrator: hence the GRANTEE filter.
SELECT CURRENT_USER() AS user_name, VERSION() AS server_version, DATABASE() AS database_name,
  (SELECT COUNT(*) FROM information_schema.USER_PRIVILEGES
   WHERE PRIVILEGE_TYPE = 'CREATE' AND GRANTEE = @grantee)
  + (SELECT COUNT(*) FROM information_schema.SCHEMA_PRIVILEGES
   WHERE PRIVILEGE_TYPE = 'CREATE' AND GRANTEE = @grantee AND DATABASE() LIKE TABLE_SCHEMA) AS create_grants
FROM (SELECT @grantee := CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''',
  SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')) AS who
