package io.millflow.connector.postgres;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns a database error into the step error model (DESIGN.md section 3) by its SQLSTATE. Messages
 * carry the server's own short message and detail, never the statement: Jdbi's exception messages
 * contain the SQL, so we only ever read the SQLException underneath. The original exception stays
 * as the cause, for the run history.
 */
final class PostgresErrors {

  /**
   * Worth retrying: the server was unreachable, restarting, overloaded, or a lock or timeout got in
   * the way.
   */
  private static final Set<String> RETRYABLE =
      Set.of(
          "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now
          "57014", // query canceled, as by statement_timeout
          "40001", "40P01", // serialization failure, deadlock
          "55P03"); // lock not available

  /**
   * The column a COPY failed on; the rest of COPY's context names our staging table, which means
   * nothing to users.
   */
  private static final Pattern COPY_COLUMN =
      Pattern.compile("^COPY [^,]+, line \\d+, column ([^:]+)");

  private PostgresErrors() {}

  /**
   * The step exception for a failure of {@code connection} while doing {@code activity} ("writing
   * public.orders", "connecting"); a plain RuntimeException (an incident) when it looks like a bug.
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
    String server = serverMessage(sql);
    if (state.equals("28P01") || state.equals("28000")) {
      return new ReauthRequiredException(
          connection,
          "PostgreSQL rejected the user name or password of connection '"
              + connection
              + "' ("
              + server
              + "): enter valid credentials in the connection's settings.",
          error);
    }
    if (isTransient(sql, state)) {
      return new RetryableStepException(
          "PostgreSQL of connection '"
              + connection
              + "' could not be reached or"
              + " did not answer in time while "
              + activity
              + " ("
              + server
              + "); the step will be retried.",
          error);
    }
    return failure(state, server, connection, activity, error);
  }

  private static boolean isTransient(SQLException sql, String state) {
    return state.startsWith("08")
        || state.startsWith("53")
        || RETRYABLE.contains(state)
        || sql instanceof SQLTransientException
        || sql instanceof SQLRecoverableException;
  }

  private static RuntimeException failure(
      String state, String server, String connection, String activity, Throwable error) {
    return switch (state.length() >= 2 ? state.substring(0, 2) : state) {
      case "22", "23" ->
          new StepFailure(
              "INVALID_DATA",
              "PostgreSQL refused the records while "
                  + activity
                  + ": "
                  + server
                  + ". Fix the records in an earlier step, or the table's column types.",
              error);
      case "3D" ->
          new StepFailure(
              "CONNECTION_INVALID",
              "The database of connection '"
                  + connection
                  + "' does not exist ("
                  + server
                  + "): correct the connection's 'database' or 'jdbcUrl'.",
              error);
      case "3F" ->
          new StepFailure(
              "SCHEMA_NOT_FOUND",
              "A schema is missing while "
                  + activity
                  + " ("
                  + server
                  + "): create it, or correct the step's 'table' or the connection's 'schema'.",
              error);
      case "42" -> statementFailure(state, server, connection, activity, error);
      default ->
          new IllegalStateException(
              "PostgreSQL failed while " + activity + " [" + state + "]: " + server, error);
    };
  }

  private static RuntimeException statementFailure(
      String state, String server, String connection, String activity, Throwable error) {
    return switch (state) {
      case "42501" ->
          new StepFailure(
              "PERMISSION_DENIED",
              "The user of connection '"
                  + connection
                  + "' lacks a privilege for "
                  + activity
                  + " ("
                  + server
                  + "): grant it, or use another table.",
              error);
      case "42P10" ->
          new StepFailure(
              "KEY_FIELDS_NOT_UNIQUE",
              "The table has no primary key or unique index on the"
                  + " key fields while "
                  + activity
                  + " ("
                  + server
                  + "): add one, or set the step's 'keyFields' to the"
                  + " table's key.",
              error);
      case "42804", "42846", "42883" ->
          new StepFailure(
              "INCOMPATIBLE_TABLE",
              "A column's type does not fit the"
                  + " records while "
                  + activity
                  + " ("
                  + server
                  + "): change the column's type, or write to another table.",
              error);
      default ->
          new IllegalStateException(
              "PostgreSQL rejected a statement while " + activity + " [" + state + "]: " + server,
              error);
    };
  }

  /** The server's message and detail, without the statement, the position or the internal query. */
  static String serverMessage(SQLException sql) {
    ServerErrorMessage server =
        sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
    if (server == null || server.getMessage() == null) {
      return SqlErrors.firstLine(sql.getMessage());
    }
    StringBuilder text = new StringBuilder(server.getMessage());
    if (server.getDetail() != null) {
      text.append("; ").append(server.getDetail());
    }
    Matcher copyColumn = server.getWhere() == null ? null : COPY_COLUMN.matcher(server.getWhere());
    if (copyColumn != null && copyColumn.find()) {
      text.append("; in column ").append(copyColumn.group(1));
    }
    return text.toString();
  }
}
