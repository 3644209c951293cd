package io.millflow.connector.mysql;

import static io.millflow.connector.sql.testing.ConnectionChecks.assertFailed;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.testing.ConnectionChecks;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mysql connection test against MariaDB: each failure named specifically, never with the
 * password.
 */
class MySqlConnectionTesterTest {

  private static TestDatabase database;
  private final MySqlConnectionTester tester = new MySqlConnectionTester();

  @BeforeAll
  static void startDatabase() {
    database = TestDatabase.shared();
  }

  @Test
  void passesWithTheUserAndServerVersionWhenTheDatabaseIsWritable() {
    ConnectionCheck check = tester.test(database.connection("plant-db", database.createDatabase()));

    assertThat(check.ok()).as(String.valueOf(check)).isTrue();
    assertThat(check.details().get("user")).startsWith(TestDatabase.WRITER + "@");
    assertThat(check.details()).containsKey("serverVersion");
  }

  @Test
  void reportsAWrongPasswordAsAuthFailedWithoutThePassword() {
    ConnectionCheck check =
        tester.test(database.connection("plant-db", database.createDatabase(), "Wrong-pa55word"));

    assertFailed(check, ConnectionProblem.AUTH_FAILED, "Wrong-pa55word");
  }

  @Test
  void reportsAMissingDatabase() {
    assertFailed(
        tester.test(database.connection("plant-db", "test_no_such_db")),
        ConnectionProblem.MISSING_DATABASE,
        TestDatabase.PASSWORD);
  }

  @Test
  void reportsAClosedPortAsUnreachable() {
    int port = ConnectionChecks.closedPort();
    Connection connection =
        new Connection(
            "plant-db",
            "mysql",
            Map.of("jdbcUrl", "jdbc:mysql://127.0.0.1:" + port + "/test_x"),
            Map.of("username", TestDatabase.WRITER, "password", TestDatabase.PASSWORD));

    assertFailed(tester.test(connection), ConnectionProblem.UNREACHABLE, TestDatabase.PASSWORD);
  }

  @Test
  void reportsAUserWithoutCreateAsNoPermission() {
    String name = database.createDatabase();
    database
        .admin()
        .useHandle(
            handle -> {
              handle.execute(
                  "CREATE USER IF NOT EXISTS 'millflow_reader'@'%' IDENTIFIED BY 'Re4der-s3cret'");
              handle.execute("GRANT SELECT ON " + name + ".* TO 'millflow_reader'@'%'");
            });
    Connection reader =
        new Connection(
            "plant-db",
            "mysql",
            Map.of("jdbcUrl", "jdbc:mysql://127.0.0.1:" + database.port() + "/" + name),
            Map.of("username", "millflow_reader", "password", "Re4der-s3cret"));

    ConnectionCheck check = tester.test(reader);

    assertFailed(check, ConnectionProblem.NO_PERMISSION, "Re4der-s3cret");
    assertThat(check.fix()).contains("GRANT CREATE");
  }
}
