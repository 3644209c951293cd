package io.millflow.connector.snowflake;

import io.millflow.connector.sql.QueryDialect;
import io.millflow.connector.sql.SqlErrors;
import io.millflow.step.StepFailure;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.Query;

/** How {@code snowflake.query} binds, streams and fails. */
final class SnowflakeQueryDialect implements QueryDialect {

  /** Rows per fetch; the driver downloads result chunks in parallel and streams them either way. */
  private static final int FETCH_SIZE = 1_000;

  @Override
  public int fetchSize() {
    return FETCH_SIZE;
  }

  /** Text is bound as VARCHAR: Snowflake casts it where the statement compares it with a timestamp or number. */
  @Override
  public void bind(Query query, String name, Object value) {
    switch (value) {
      case null -> query.bindNull(name, Types.VARCHAR);
      default -> query.bindByType(name, value, value.getClass());
    }
  }

  @Override
  public boolean isJson(ResultSetMetaData metaData, int column) throws SQLException {
    return SnowflakeValues.JSON_TYPES.contains(metaData.getColumnTypeName(column).toUpperCase(java.util.Locale.ROOT));
  }

  /** SQL compilation errors (syntax, unknown column) and bad values are the statement's fault. */
  @Override
  public RuntimeException translate(Throwable error, String connection) {
    SQLException sql = SqlErrors.sqlCause(error).orElse(null);
    String state = SqlErrors.state(sql);
    boolean statementError = sql != null && (state.startsWith("42") && !state.equals("42501")
        || state.startsWith("22")) && !SnowflakeErrors.NOT_FOUND.contains(sql.getErrorCode());
    if (statementError) {
      return new StepFailure("QUERY_FAILED", "Snowflake could not run the step's 'sql': "
          + SqlErrors.firstLine(sql.getMessage()) + ".", error);
    }
    return SnowflakeErrors.translate(error, connection, "running the query");
  }
}
