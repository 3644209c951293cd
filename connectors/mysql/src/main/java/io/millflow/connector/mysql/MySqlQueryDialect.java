package io.millflow.connector.mysql;

import io.millflow.connector.sql.JsonRows;
import io.millflow.connector.sql.QueryDialect;
import io.millflow.connector.sql.SqlErrors;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jdbi.v3.core.statement.Query;

/** How {@code mysql.query} binds, streams and fails. */
final class MySqlQueryDialect implements QueryDialect {

  /**
   * Connector/J streams row by row only with this fetch size; any other loads the whole result into
   * memory.
   */
  private static final int STREAMING = Integer.MIN_VALUE;

  @Override
  public int fetchSize() {
    return STREAMING;
  }

  /**
   * An ISO-8601 instant ({@code 2024-03-01T10:00:00Z}, the form of our cursors) goes as a UTC
   * date-time, the zone of the pool's sessions: MySQL does not read the {@code Z} of a text
   * compared with a DATETIME.
   */
  @Override
  public void bind(Query query, String name, Object value) {
    if (value instanceof String text && JsonRows.isTimestamp(text)) {
      query.bind(
          name, OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    } else {
      QueryDialect.super.bind(query, name, value);
    }
  }

  /** MySQL's JSON type; MariaDB's JSON is a LONGTEXT alias and comes back as text (README.md). */
  @Override
  public boolean isJson(ResultSetMetaData metaData, int column) throws SQLException {
    return metaData.getColumnTypeName(column).equalsIgnoreCase("JSON");
  }

  @Override
  public RuntimeException translate(Throwable error, String connection) {
    SQLException sql = SqlErrors.sqlCause(error).orElse(null);
    String state = SqlErrors.state(sql);
    RuntimeException translated = MySqlErrors.translate(error, connection, "running the query");
    // Privileges, credentials and connectivity keep the codes MySqlErrors gives them; a bad value
    // in a query is not bad records, so class 22 is a query failure here.
    boolean statementError =
        state.startsWith("22")
            || (!(translated instanceof StepException)
                && (state.startsWith("42") || state.startsWith("25") || state.startsWith("0A")));
    if (statementError) {
      return new StepFailure(
          "QUERY_FAILED",
          "MySQL could not run the step's 'sql': " + SqlErrors.firstLine(sql.getMessage()) + ".",
          error);
    }
    return translated;
  }
}
