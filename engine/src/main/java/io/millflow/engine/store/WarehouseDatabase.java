package io.millflow.engine.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The example warehouse in the embedded server: database {@value #NAME}, owned by role {@value
 * #ROLE}, which may log in with its own password and do anything inside its database, and nothing
 * only a superuser may: no other role or database, no reading or writing the server's files, no
 * running programs on it.
 */
final class WarehouseDatabase {

  static final String NAME = "warehouse";
  static final String ROLE = "warehouse";

  /** Every role the warehouse role is a member of, as statements that revoke the membership. */
  private static final String REVOKE_MEMBERSHIPS =
      """
      select format('revoke %I from %I', r.rolname, ?) from pg_auth_members m join pg_roles r on r.oid = m.roleid
      where m.member = (select oid from pg_roles where rolname = ?)""";

  /**
   * What the superuser owns in the warehouse database, as statements that give it to the warehouse
   * role.
   */
  private static final String HAND_OVER =
      """
      select format('alter schema %I owner to %I', nspname, ?) from pg_namespace
      where nspowner = (select oid from pg_roles where rolname = current_user)
        and nspname not like 'pg\\_%' and nspname not in ('information_schema', 'public')
      union all
      select format('alter %s %I.%I owner to %I',
          case c.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end,
          n.nspname, c.relname, ?)
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relowner = (select oid from pg_roles where rolname = current_user)
        and c.relkind in ('r', 'p', 'v', 'm')
        and n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'""";

  private WarehouseDatabase() {}

  /** Creates the role, or takes back any power it was given since, and sets its password. */
  static void prepareRole(Connection superuser, String password) throws SQLException {
    try (Statement sql = superuser.createStatement()) {
      try (ResultSet exists =
          sql.executeQuery("select 1 from pg_roles where rolname = '" + ROLE + "'")) {
        if (!exists.next()) {
          sql.execute("create role " + ROLE);
        }
      }
      sql.execute(
          "alter role "
              + ROLE
              + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls");
    }
    // pg_read_server_files, pg_write_server_files, pg_execute_server_program, or any other role
    // granted since
    executeAll(superuser, REVOKE_MEMBERSHIPS, ROLE, ROLE);
    superuser
        .unwrap(PGConnection.class)
        .alterUserPassword(ROLE, password.toCharArray(), "scram-sha-256");
  }

  /**
   * The database belongs to the role, and nobody but the role and the superuser may connect to it.
   */
  static void prepareDatabase(Connection superuser) throws SQLException {
    try (Statement sql = superuser.createStatement()) {
      sql.execute("alter database " + NAME + " owner to " + ROLE);
      sql.execute("revoke all on database " + NAME + " from public");
    }
  }

  /**
   * An earlier Millflow wrote the warehouse as the superuser: its schemas, tables and views become
   * the role's, so the example flows go on writing to them (a table's indexes and sequences follow
   * it).
   */
  static void handOverObjects(Connection superuserInWarehouse) throws SQLException {
    executeAll(superuserInWarehouse, HAND_OVER, ROLE, ROLE);
  }

  /** Runs each statement the query answers; its parameters are {@code parameters}. */
  private static void executeAll(Connection connection, String query, String... parameters)
      throws SQLException {
    List<String> statements = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          statements.add(rows.getString(1));
        }
      }
    }
    try (Statement sql = connection.createStatement()) {
      for (String statement : statements) {
        sql.execute(statement);
      }
    }
  }
}
