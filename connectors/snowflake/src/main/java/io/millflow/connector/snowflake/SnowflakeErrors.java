package io.millflow.connector.snowflake;

import io.millflow.connector.sql.SqlErrors;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Turns a Snowflake error into the step error model (DESIGN.md section 3) by its error code and
 * SQLSTATE. Messages carry the first line of Snowflake's message, never the statement. The original
 * exception stays as the cause.
 */
final class SnowflakeErrors {

  /** Incorrect user name or password; JWT (key-pair) token invalid; user locked or disabled. */
  static final Set<Integer> AUTH_FAILED = Set.of(390100, 390144, 394304, 390101, 390102);

  /** Object (database, schema, table, warehouse) does not exist or is not authorized. */
  static final Set<Integer> NOT_FOUND = Set.of(2003, 2043);

  /** Insufficient privileges. */
  static final Set<Integer> DENIED = Set.of(3001, 3041);

  /** No active warehouse selected; the warehouse cannot be resumed. */
  static final Set<Integer> NO_WAREHOUSE = Set.of(606, 90105);

  /**
   * Statement canceled or timed out; warehouse overloaded or resuming; transaction aborted by a
   * lock wait.
   */
  private static final Set<Integer> RETRYABLE = Set.of(604, 625, 630, 90064, 625002);

  private SnowflakeErrors() {}

  /**
   * The step exception for a failure of {@code connection} while doing {@code activity} ("writing
   * PLANT.VENDOR", "connecting"); a plain RuntimeException (an incident) when it looks like a bug.
   */
  static RuntimeException translate(Throwable error, String connection, String activity) {
    SQLException sql = SqlErrors.sqlCause(error).orElse(null);
    if (sql == null) {
      return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
    }
    String state = SqlErrors.state(sql);
    int code = sql.getErrorCode();
    String server = SqlErrors.firstLine(sql.getMessage());
    if (AUTH_FAILED.contains(code) || state.startsWith("28")) {
      return new ReauthRequiredException(
          connection,
          "Snowflake rejected the credentials of connection '"
              + connection
              + "' ("
              + server
              + "): enter a valid password or private key in the connection's settings.",
          error);
    }
    if (state.startsWith("08")
        || RETRYABLE.contains(code)
        || sql instanceof SQLTransientException
        || sql instanceof SQLRecoverableException) {
      return new RetryableStepException(
          "Snowflake of connection '"
              + connection
              + "' could not be reached or did not"
              + " answer in time while "
              + activity
              + " ("
              + server
              + "); the step will be retried.",
          error);
    }
    if (NOT_FOUND.contains(code)) {
      return new StepFailure(
          "OBJECT_NOT_FOUND",
          "Snowflake does not know an object used while "
              + activity
              + ", or"
              + " the role may not see it ("
              + server
              + "): correct the connection's database, schema or role, or the"
              + " step's 'table'.",
          error);
    }
    if (DENIED.contains(code) || state.equals("42501")) {
      return new StepFailure(
          "PERMISSION_DENIED",
          "The role of connection '"
              + connection
              + "' lacks a privilege for "
              + activity
              + " ("
              + server
              + "): grant it, or use another role or table.",
          error);
    }
    if (NO_WAREHOUSE.contains(code)) {
      return new StepFailure(
          "CONNECTION_INVALID",
          "Connection '"
              + connection
              + "' has no usable warehouse ("
              + server
              + "): set its 'warehouse' to one the role may use.",
          error);
    }
    if (state.startsWith("22")) {
      return new StepFailure(
          "INVALID_DATA",
          "Snowflake refused the records while "
              + activity
              + ": "
              + server
              + ". Fix the records in an earlier step, or the table's column types.",
          error);
    }
    return new IllegalStateException(
        "Snowflake failed while " + activity + " [" + code + "/" + state + "]: " + server, error);
  }
}
