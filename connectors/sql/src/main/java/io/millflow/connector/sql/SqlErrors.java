package io.millflow.connector.sql;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reading database errors the same way in every SQL connector, before each classifies them by its
 * own codes.
 */
public final class SqlErrors {

  private SqlErrors() {}

  /** The first SQLException in a chain (Jdbi, HikariCP and streams wrap them). */
  public static Optional<SQLException> sqlCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }

  /** The SQLSTATE, or the empty text when the driver gave none. */
  public static String state(SQLException sql) {
    return sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
  }

  /** The first line of a driver's message: later lines may quote the statement. */
  public static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
