package io.millflow.connector.snowflake;

import io.millflow.connector.sql.QueryDialect;
import io.millflow.connector.sql.SqlErrors;
import io.millflow.step.StepFailure;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * How {@code snowflake.query} reads JSON and fails; it binds and fetches as {@link QueryDialect}
 * does by default (text as VARCHAR, which Snowflake casts where the statement compares it with a
 * timestamp or number).
 */
final class SnowflakeQueryDialect implements QueryDialect {

  @Override
  public boolean isJson(ResultSetMetaData metaData, int column) throws SQLException {
    return SnowflakeValues.JSON_TYPES.contains(
        metaData.getColumnTypeName(column).toUpperCase(java.util.Locale.ROOT));
  }

  /** SQL compilation errors (syntax, unknown column) and bad values are the statement's fault. */
  @Override
  public RuntimeException translate(Throwable error, String connection) {
    SQLException sql = SqlErrors.sqlCause(error).orElse(null);
    String state = SqlErrors.state(sql);
    boolean statementError =
        sql != null
            && (state.startsWith("42") && !state.equals("42501") || state.startsWith("22"))
            && !SnowflakeErrors.NOT_FOUND.contains(sql.getErrorCode());
    if (statementError) {
      return new StepFailure(
          "QUERY_FAILED",
          "Snowflake could not run the step's 'sql': "
              + SqlErrors.firstLine(sql.getMessage())
              + ".",
          error);
    }
    return SnowflakeErrors.translate(error, connection, "running the query");
  }
}
