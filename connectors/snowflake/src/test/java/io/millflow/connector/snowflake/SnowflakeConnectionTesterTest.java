package io.millflow.connector.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The snowflake connection test on recorded driver errors (the codes, SQLSTATEs and causes
 * snowflake-jdbc reports) and on a fake session's answers; no Snowflake is reached.
 */
class SnowflakeConnectionTesterTest {

  private static final Connection CONNECTION = SnowflakeWriteTest.CONNECTION;
  private static final String PASSWORD = "s3cret-Pa55";

  @Test
  void classifiesWhatTheDriverReportsWhenTheLoginFails() {
    assertProblem(
        new SQLException("Incorrect username or password was specified.", "08001", 390100),
        ConnectionProblem.AUTH_FAILED);
    assertProblem(
        new SQLException("JWT token is invalid.", "08001", 390144), ConnectionProblem.AUTH_FAILED);
    assertProblem(
        new SQLException(
            "JDBC driver encountered communication error. Message: HTTP status=403.",
            "08001",
            200015,
            new UnknownHostException("nope.snowflakecomputing.com")),
        ConnectionProblem.UNREACHABLE);
    assertProblem(
        new SQLException(
            "JDBC driver encountered communication error.",
            "08001",
            200015,
            new ConnectException("Connection refused")),
        ConnectionProblem.UNREACHABLE);
    assertProblem(
        new SQLException(
            "JDBC driver encountered communication error.",
            "08001",
            200015,
            new SSLHandshakeException("PKIX path building failed")),
        ConnectionProblem.TLS_ERROR);
    assertProblem(
        new SQLException(
            "Login request timed out.",
            "08001",
            200015,
            new SocketTimeoutException("Read timed out")),
        ConnectionProblem.TIMEOUT);
    assertProblem(
        new SQLException("Database 'NOPE' does not exist or not authorized.", "02000", 2043),
        ConnectionProblem.MISSING_DATABASE);
    assertProblem(
        new SQLException("Insufficient privileges to operate on schema 'PLANT'.", "42501", 3001),
        ConnectionProblem.NO_PERMISSION);
  }

  @Test
  void neverRepeatsThePasswordEvenWhenTheDriverDoes() {
    ConnectionCheck check =
        tester(new SQLException("Login failed for password " + PASSWORD, "28000", 0))
            .test(CONNECTION);

    assertThat(check.problem()).isEqualTo(ConnectionProblem.AUTH_FAILED);
    assertThat(check.message()).doesNotContain(PASSWORD).contains("***");
  }

  @Test
  void passesWithTheSessionsUserRoleAndWarehouse() {
    RecordingJdbc jdbc = session(row("LOADER", "LOADER_ROLE", "9.1.0", "MILL", "PLANT", "LOAD_WH"));

    ConnectionCheck check =
        new SnowflakeConnectionTester(c -> jdbc.dataSource().getConnection()).test(CONNECTION);

    assertThat(check.ok()).as(String.valueOf(check)).isTrue();
    assertThat(check.details())
        .containsEntry("user", "LOADER")
        .containsEntry("role", "LOADER_ROLE")
        .containsEntry("warehouse", "LOAD_WH");
  }

  @Test
  void reportsASchemaOrWarehouseTheRoleCannotUse() {
    RecordingJdbc noSchema =
        session(row("LOADER", "LOADER_ROLE", "9.1.0", "MILL", null, "LOAD_WH"));
    RecordingJdbc noWarehouse =
        session(row("LOADER", "LOADER_ROLE", "9.1.0", "MILL", "PLANT", null));

    ConnectionCheck schema =
        new SnowflakeConnectionTester(c -> noSchema.dataSource().getConnection()).test(CONNECTION);
    ConnectionCheck warehouse =
        new SnowflakeConnectionTester(c -> noWarehouse.dataSource().getConnection())
            .test(CONNECTION);

    assertThat(schema.problem()).isEqualTo(ConnectionProblem.MISSING_DATABASE);
    assertThat(schema.message()).contains("schema 'plant'", "LOADER_ROLE");
    assertThat(warehouse.problem()).isEqualTo(ConnectionProblem.NO_PERMISSION);
    assertThat(warehouse.fix()).contains("'warehouse'");
  }

  private static void assertProblem(SQLException recorded, ConnectionProblem problem) {
    ConnectionCheck check = tester(recorded).test(CONNECTION);
    assertThat(check.ok()).isFalse();
    assertThat(check.problem()).as(recorded.getMessage()).isEqualTo(problem);
    assertThat(check.message()).startsWith("Snowflake answered: ").doesNotContain(PASSWORD);
    assertThat(check.fix()).isNotBlank();
  }

  private static SnowflakeConnectionTester tester(SQLException failure) {
    return new SnowflakeConnectionTester(
        connection -> {
          throw failure;
        });
  }

  private static RecordingJdbc session(List<Object> row) {
    return new RecordingJdbc()
        .answer(
            "CURRENT_USER",
            List.of(
                "user_name",
                "role_name",
                "server_version",
                "database_name",
                "schema_name",
                "warehouse_name"),
            List.of(row));
  }

  private static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }
}
