package io.millflow.connector.mysql;

import io.millflow.connector.sql.JdbcConnectionCheck;
import io.millflow.connector.sql.JdbcConnectionCheck.Failed;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.ConnectionTester;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;

/**
 * Tests a {@code mysql} connection: opens one session with its settings, reads the user and server
 * version, and checks that the connection names a database and the user may create tables in it
 * (what mysql.write needs).
 */
@Singleton
public final class MySqlConnectionTester implements ConnectionTester<MySqlConnection> {

  /**
   * Access denied (wrong password), unknown database, access denied to the database, too many
   * connections.
   */
  private static final Map<Integer, ConnectionProblem> CODES =
      Map.of(
          1045,
          ConnectionProblem.AUTH_FAILED,
          1049,
          ConnectionProblem.MISSING_DATABASE,
          1044,
          ConnectionProblem.NO_PERMISSION,
          1040,
          ConnectionProblem.UNAVAILABLE);

  private final JdbcConnectionCheck check = new JdbcConnectionCheck(Clock.systemUTC(), CODES);
  private final ConnectionSockets sockets;

  @Inject
  public MySqlConnectionTester(ConnectionSockets sockets) {
    this.sockets = sockets;
  }

  /** No socket checked: for tests apart from a runtime. */
  public MySqlConnectionTester() {
    this(ConnectionSockets.unchecked());
  }

  @Override
  public Class<MySqlConnection> connectionType() {
    return MySqlConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, MySqlConnection connection) {
    return check.test(
        ConnectionKind.of(MySqlConnection.class).stored(name, connection),
        JdbcConnectionCheck.Opener.of(stored -> MySqlSettings.hikariConfig(stored, sockets)),
        "MySQL",
        MySqlConnectionTester::checks);
  }

  private static Map<String, String> checks(java.sql.Connection session) throws SQLException {
    try (Statement statement = session.createStatement();
        ResultSet row = statement.executeQuery(MySqlSql.render("connection-check"))) {
      row.next();
      String user = row.getString("user_name");
      String database = row.getString("database_name");
      if (database == null) {
        throw new Failed(
            ConnectionProblem.INCOMPLETE,
            "The connection names no database.",
            "Set its 'database' (or" + " the database in 'jdbcUrl').");
      }
      if (row.getLong("create_grants") == 0) {
        throw new Failed(
            ConnectionProblem.NO_PERMISSION,
            "The user " + user + " may not create tables in database '" + database + "'.",
            "Grant it: GRANT CREATE, ALTER, INSERT, UPDATE, DELETE, SELECT ON "
                + database
                + ".* TO the user; or use another user.");
      }
      return Map.of(
          "user", user, "serverVersion", row.getString("server_version"), "database", database);
    }
  }
}
