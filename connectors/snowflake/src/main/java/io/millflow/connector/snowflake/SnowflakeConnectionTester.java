package io.millflow.connector.snowflake;

import io.millflow.connector.sql.JdbcConnectionCheck;
import io.millflow.connector.sql.JdbcConnectionCheck.Failed;
import io.millflow.connector.sql.JdbcConnectionCheck.Opener;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionTester;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Tests a {@code snowflake} connection: logs in with its settings (password or key pair) and checks
 * that the session resolved the database, schema and warehouse it names; Snowflake gives NULL for
 * one that does not exist or that the role may not use. Whether the role may create tables is not
 * checked here (README.md).
 */
@Singleton
public final class SnowflakeConnectionTester implements ConnectionTester<SnowflakeConnection> {

  /**
   * Snowflake's codes for a rejected login, an unknown object, a missing privilege, no usable
   * warehouse.
   */
  static final Map<Integer, ConnectionProblem> CODES = codes();

  private final JdbcConnectionCheck check = new JdbcConnectionCheck(Clock.systemUTC(), CODES);
  private final Opener opener;

  @Inject
  public SnowflakeConnectionTester() {
    this(Opener.of(SnowflakeSettings::hikariConfig));
  }

  SnowflakeConnectionTester(Opener opener) {
    this.opener = opener;
  }

  @Override
  public Class<SnowflakeConnection> connectionType() {
    return SnowflakeConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, SnowflakeConnection connection) {
    return check.test(
        ConnectionKind.of(SnowflakeConnection.class).stored(name, connection),
        opener,
        "Snowflake",
        session -> checks(session, connection));
  }

  private static Map<String, String> checks(
      java.sql.Connection session, SnowflakeConnection connection) throws SQLException {
    try (Statement statement = session.createStatement();
        ResultSet row = statement.executeQuery(SnowflakeSql.render("connection-check", Map.of()))) {
      row.next();
      String role = row.getString("role_name");
      require(
          row.getString("database_name"),
          connection,
          "database",
          role,
          ConnectionProblem.MISSING_DATABASE);
      require(
          row.getString("schema_name"),
          connection,
          "schema",
          role,
          ConnectionProblem.MISSING_DATABASE);
      require(
          row.getString("warehouse_name"),
          connection,
          "warehouse",
          role,
          ConnectionProblem.NO_PERMISSION);
      Map<String, String> details = new HashMap<>();
      details.put("user", row.getString("user_name"));
      details.put("role", role);
      details.put("serverVersion", row.getString("server_version"));
      details.put("database", row.getString("database_name"));
      details.put("warehouse", row.getString("warehouse_name"));
      return details;
    }
  }

  private static void require(
      String resolved,
      SnowflakeConnection connection,
      String setting,
      String role,
      ConnectionProblem problem) {
    if (resolved != null) {
      return;
    }
    String named =
        switch (setting) {
          case "database" -> connection.database();
          case "schema" -> connection.schema();
          default -> connection.warehouse();
        };
    if (named == null) {
      throw new Failed(
          ConnectionProblem.INCOMPLETE,
          "The connection names no " + setting + " and the user has no" + " default one.",
          "Set the connection's '" + setting + "'.");
    }
    throw new Failed(
        problem,
        "Snowflake has no " + setting + " '" + named + "' that role " + role + " may use.",
        "Correct the connection's '" + setting + "', or grant the role USAGE on it.");
  }

  private static Map<Integer, ConnectionProblem> codes() {
    Map<Integer, ConnectionProblem> codes = new HashMap<>();
    SnowflakeErrors.AUTH_FAILED.forEach(code -> codes.put(code, ConnectionProblem.AUTH_FAILED));
    SnowflakeErrors.NOT_FOUND.forEach(code -> codes.put(code, ConnectionProblem.MISSING_DATABASE));
    SnowflakeErrors.DENIED.forEach(code -> codes.put(code, ConnectionProblem.NO_PERMISSION));
    SnowflakeErrors.NO_WAREHOUSE.forEach(code -> codes.put(code, ConnectionProblem.NO_PERMISSION));
    return Map.copyOf(codes);
  }
}
