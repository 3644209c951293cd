package io.millflow.connector.postgres;

import io.millflow.connector.sql.JdbcConnectionCheck;
import io.millflow.connector.sql.JdbcConnectionCheck.Failed;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.ConnectionTester;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * Tests a {@code postgres} connection: opens one session with its settings, reads the user and
 * server version, and checks that the connection's schema exists and the user may create tables in
 * it (what postgres.write needs). The session's socket is checked as a pool's would be.
 */
@Singleton
public final class PostgresConnectionTester implements ConnectionTester<PostgresConnection> {

  private final JdbcConnectionCheck check = new JdbcConnectionCheck(Clock.systemUTC(), Map.of());
  private final ConnectionSockets sockets;

  @Inject
  public PostgresConnectionTester(ConnectionSockets sockets) {
    this.sockets = sockets;
  }

  /** No socket checked: for tests apart from a runtime. */
  public PostgresConnectionTester() {
    this(ConnectionSockets.unchecked());
  }

  @Override
  public Class<PostgresConnection> connectionType() {
    return PostgresConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, PostgresConnection connection) {
    return check.test(
        ConnectionKind.of(PostgresConnection.class).stored(name, connection),
        JdbcConnectionCheck.Opener.of(stored -> PostgresSettings.hikariConfig(stored, sockets)),
        "PostgreSQL",
        session ->
            checks(
                session, PostgresSettings.of(name, connection).schema().toLowerCase(Locale.ROOT)));
  }

  private static Map<String, String> checks(java.sql.Connection session, String schema)
      throws SQLException {
    try (PreparedStatement query =
        session.prepareStatement(PostgresSql.render("connection-check"))) {
      query.setString(1, schema);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String user = row.getString("user_name");
        String database = row.getString("database_name");
        if (!row.getBoolean("schema_exists")) {
          throw new Failed(
              ConnectionProblem.MISSING_DATABASE,
              "The schema '" + schema + "' does not exist in" + " database '" + database + "'.",
              "Create it (CREATE SCHEMA "
                  + schema
                  + "), or correct the"
                  + " connection's 'schema'.");
        }
        if (!row.getBoolean("may_create")) {
          throw new Failed(
              ConnectionProblem.NO_PERMISSION,
              "The user '" + user + "' may not create tables in" + " schema '" + schema + "'.",
              "Grant it: GRANT CREATE ON SCHEMA "
                  + schema
                  + " TO "
                  + user
                  + "; or use another user or schema.");
        }
        return Map.of(
            "user",
            user,
            "serverVersion",
            row.getString("server_version"),
            "database",
            database,
            "schema",
            schema);
      }
    }
  }
}
