package io.millflow.connector.sql;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.Query;

/** What a query step's database does its own way; everything else lives in {@link QueryRun}. */
public interface QueryDialect {

  /**
   * Rows fetched per round trip; what a driver needs to stream rather than load the whole result.
   */
  default int fetchSize() {
    return 1_000;
  }

  /**
   * Binds a parameter value (text, whole number, BigDecimal, boolean, or null) by name: by default
   * with the JDBC type of its Java type, and null as VARCHAR.
   */
  default void bind(Query query, String name, Object value) {
    if (value == null) {
      query.bindNull(name, Types.VARCHAR);
    } else {
      query.bindByType(name, value, value.getClass());
    }
  }

  /** Whether the column holds JSON, to be passed on as nested JSON rather than as text. */
  boolean isJson(ResultSetMetaData metaData, int column) throws SQLException;

  /** The step exception for a failure of the query on {@code connection}. */
  RuntimeException translate(Throwable error, String connection);
}
