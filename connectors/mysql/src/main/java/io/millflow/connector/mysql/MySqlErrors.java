package io.millflow.connector.mysql;

import io.millflow.connector.sql.OutboundAddressRefused;
import io.millflow.connector.sql.SqlErrors;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a MySQL error into the step error model (DESIGN.md section 3) by its error number and
 * SQLSTATE. Messages carry the server's own message (first line), never the statement: Jdbi's
 * exception messages contain the SQL, so we only ever read the SQLException underneath. The
 * original exception stays as the cause, for the run history.
 */
final class MySqlErrors {

  private static final int ACCESS_DENIED = 1045;
  private static final int DATABASE_ACCESS_DENIED = 1044;
  private static final int UNKNOWN_DATABASE = 1049;

  /** Lock wait timeout, deadlock, too many connections, server shutting down, query interrupted. */
  private static final Set<Integer> RETRYABLE = Set.of(1205, 1213, 1040, 1053, 1317, 3024);

  /** Command, column or table denied. */
  private static final Set<Integer> DENIED = Set.of(1142, 1143, 1227);

  private MySqlErrors() {}

  /**
   * The step exception for a failure of {@code connection} while doing {@code activity} ("writing
   * shop.orders", "connecting"); a plain RuntimeException (an incident) when it looks like a bug.
   */
  static RuntimeException translate(Throwable error, String connection, String activity) {
    Optional<OutboundAddressRefused> refused = OutboundAddressRefused.in(error);
    if (refused.isPresent()) {
      return refused.get().failure(connection);
    }
    SQLException sql = SqlErrors.sqlCause(error).orElse(null);
    if (sql == null) {
      return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }
    String state = sql.getSQLState() == null ? "" : sql.getSQLState();
    int code = sql.getErrorCode();
    String server = SqlErrors.firstLine(sql.getMessage());
    if (code == ACCESS_DENIED || state.equals("28000")) {
      return new ReauthRequiredException(
          connection,
          "MySQL rejected the user name or password of connection '"
              + connection
              + "' ("
              + server
              + "): enter valid credentials in the connection's settings.",
          error);
    }
    if (state.startsWith("08")
        || state.equals("40001")
        || RETRYABLE.contains(code)
        || sql instanceof SQLTransientException
        || sql instanceof SQLRecoverableException) {
      return new RetryableStepException(
          "MySQL of connection '"
              + connection
              + "' could not be reached or did not"
              + " answer in time while "
              + activity
              + " ("
              + server
              + "); the step will be retried.",
          error);
    }
    return failure(code, state, server, connection, activity, error);
  }

  private static RuntimeException failure(
      int code, String state, String server, String connection, String activity, Throwable error) {
    if (code == UNKNOWN_DATABASE) {
      return new StepFailure(
          "CONNECTION_INVALID",
          "The database of connection '"
              + connection
              + "' does not exist ("
              + server
              + "): correct the connection's 'database' or 'jdbcUrl', or the step's 'table'.",
          error);
    }
    if (code == DATABASE_ACCESS_DENIED || DENIED.contains(code)) {
      return new StepFailure(
          "PERMISSION_DENIED",
          "The user of connection '"
              + connection
              + "' lacks a privilege for "
              + activity
              + " ("
              + server
              + "): grant it, or use another table.",
          error);
    }
    if (state.startsWith("22") || state.startsWith("23")) {
      return new StepFailure(
          "INVALID_DATA",
          "MySQL refused the records while "
              + activity
              + ": "
              + server
              + ". Fix the records in an earlier step, or the table's column types.",
          error);
    }
    return new IllegalStateException(
        "MySQL failed while " + activity + " [" + code + "/" + state + "]: " + server, error);
  }
}
