package io.millflow.connector.postgres;

import io.millflow.connector.sql.QueryDialect;
import io.millflow.connector.sql.SqlErrors;
import io.millflow.step.StepFailure;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.Query;

/**
 * How {@code postgres.query} binds and fails (the driver streams in the step's transaction, 1,000
 * rows a fetch).
 */
final class PostgresQueryDialect implements QueryDialect {

  /**
   * Text goes untyped, as a literal in the statement would: parameters come from JSON, so a
   * timestamp or a number arrives as text, and bound as varchar it would not compare with a
   * timestamptz or numeric column.
   */
  @Override
  public void bind(Query query, String name, Object value) {
    switch (value) {
      case null -> query.bindNull(name, Types.OTHER);
      case String text -> query.bindBySqlType(name, text, Types.OTHER);
      default -> query.bindByType(name, value, value.getClass());
    }
  }

  @Override
  public boolean isJson(ResultSetMetaData metaData, int column) throws SQLException {
    String type = metaData.getColumnTypeName(column);
    return type.equals("json") || type.equals("jsonb");
  }

  @Override
  public RuntimeException translate(Throwable error, String connection) {
    SQLException sql = SqlErrors.sqlCause(error).orElse(null);
    String state = SqlErrors.state(sql);
    if (isStatementError(state)) {
      return new StepFailure(
          "QUERY_FAILED",
          "PostgreSQL could not run the step's 'sql': " + PostgresErrors.serverMessage(sql) + ".",
          error);
    }
    return PostgresErrors.translate(error, connection, "running the query");
  }

  /**
   * Syntax, unknown table or column, type mismatch, bad value, or a write refused by the read-only
   * transaction; a missing privilege (42501) keeps its own code.
   */
  private static boolean isStatementError(String state) {
    return (state.startsWith("42") && !state.equals("42501"))
        || state.startsWith("22")
        || state.equals("25006")
        || state.startsWith("0A");
  }
}
