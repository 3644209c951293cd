package io.millflow.connector.postgres;

import static io.millflow.connector.sql.testing.ConnectionChecks.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.testing.ConnectionChecks;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The postgres connection test against a real server: each failure named specifically, never with
 * the password.
 */
class PostgresConnectionTesterTest {

  private static TestDatabase database;
  private final PostgresConnectionTester tester = new PostgresConnectionTester();

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.start();
  }

  @AfterAll
  static void stopDatabase() throws IOException {
    database.close();
  }

  @Test
  void passesWithTheUserAndServerVersionWhenTheSchemaIsWritable() {
    String schema = database.createSchema();

    ConnectionCheck check = tester.test(database.connection("warehouse", schema));

    assertThat(check.ok()).as(String.valueOf(check)).isTrue();
    assertThat(check.details())
        .containsEntry("user", TestDatabase.WRITER)
        .containsEntry("schema", schema)
        .containsKey("serverVersion");
  }

  @Test
  void reportsAWrongPasswordAsAuthFailedWithoutThePassword() {
    ConnectionCheck check =
        tester.test(database.connection("warehouse", "public", "Wrong-pa55word"));

    assertFailed(check, ConnectionProblem.AUTH_FAILED, "Wrong-pa55word");
  }

  @Test
  void reportsAMissingDatabase() {
    Connection connection =
        with(
            database.connection("warehouse", "public"),
            "jdbcUrl",
            database.jdbcUrl().replace("/postgres", "/no_such_db"));

    assertFailed(
        tester.test(connection), ConnectionProblem.MISSING_DATABASE, TestDatabase.PASSWORD);
  }

  @Test
  void reportsAMissingSchema() {
    assertFailed(
        tester.test(database.connection("warehouse", "no_such_schema")),
        ConnectionProblem.MISSING_DATABASE,
        TestDatabase.PASSWORD);
  }

  @Test
  void reportsAClosedPortAsUnreachable() {
    int port = ConnectionChecks.closedPort();
    Connection connection =
        with(
            database.connection("warehouse", "public"),
            "jdbcUrl",
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres");

    assertFailed(tester.test(connection), ConnectionProblem.UNREACHABLE, TestDatabase.PASSWORD);
  }

  @Test
  void reportsAUserWithoutCreateOnTheSchemaAsNoPermission() {
    String schema = database.createSchema();
    database
        .admin()
        .useHandle(
            handle -> {
              handle.execute("CREATE ROLE millflow_reader LOGIN PASSWORD 'Re4der-s3cret'");
              handle.execute("GRANT USAGE ON SCHEMA " + schema + " TO millflow_reader");
            });
    Connection reader =
        new Connection(
            "warehouse",
            "postgres",
            Map.of("jdbcUrl", database.jdbcUrl(), "schema", schema),
            Map.of("username", "millflow_reader", "password", "Re4der-s3cret"));

    ConnectionCheck check = tester.test(reader);

    assertFailed(check, ConnectionProblem.NO_PERMISSION, "Re4der-s3cret");
    assertThat(check.fix()).contains("GRANT CREATE ON SCHEMA " + schema);
  }

  @Test
  void reportsIncompleteSettingsWithoutConnecting() {
    Connection connection =
        new Connection(
            "warehouse",
            "postgres",
            Map.of("host", "localhost"),
            Map.of("username", "u", "password", "p4ssw0rd"));

    assertFailed(tester.test(connection), ConnectionProblem.INCOMPLETE, "p4ssw0rd");
  }

  private static Connection with(Connection connection, String key, String value) {
    Map<String, String> settings = new java.util.HashMap<>(connection.settings());
    settings.put(key, value);
    return new Connection(connection.name(), connection.type(), settings, connection.credentials());
  }
}
