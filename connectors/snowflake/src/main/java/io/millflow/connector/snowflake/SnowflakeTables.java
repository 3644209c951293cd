package io.millflow.connector.snowflake;

import static io.millflow.connector.sql.SqlDialect.SNOWFLAKE;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a target table when it is absent and adds the columns it lacks; never drops or changes a
 * column. Snowflake commits DDL on its own, so this runs before the write's transaction.
 */
final class SnowflakeTables {

  private SnowflakeTables() {}

  /**
   * Makes {@code table} hold at least {@code columns}, with {@code key} as primary key when it is
   * created.
   *
   * @return the table's columns afterwards, upper-case name to Snowflake data type ({@code TEXT},
   *     {@code VARIANT}, ...)
   */
  static Map<String, String> ensure(
      Connection connection, TableName table, List<? extends Column<?>> columns, List<String> key)
      throws SQLException {
    Map<String, String> existing = columns(connection, table);
    boolean absent = existing.isEmpty();
    try (Statement statement = connection.createStatement()) {
      if (absent) {
        String definitions =
            String.join(
                ", ", columns.stream().map(column -> SNOWFLAKE.definition(column, false)).toList());
        statement.execute(
            SnowflakeSql.render(
                "table-create",
                Map.of(
                    "table",
                    table.quoted(SNOWFLAKE),
                    "columns",
                    definitions,
                    "primaryKey",
                    key.isEmpty() ? "" : ", PRIMARY KEY (" + SNOWFLAKE.list(key) + ")")));
      }
      for (Column<?> column : columns) {
        String name = column.name().toUpperCase(Locale.ROOT);
        if (!existing.containsKey(name)) {
          if (!absent) {
            statement.execute(
                SnowflakeSql.render(
                    "table-add-column",
                    Map.of(
                        "table",
                        table.quoted(SNOWFLAKE),
                        "column",
                        SNOWFLAKE.quote(column.name()),
                        "type",
                        SNOWFLAKE.typeName(column.type(), false))));
          }
          existing.put(name, dataType(column.type()));
        }
      }
    }
    return existing;
  }

  private static Map<String, String> columns(Connection connection, TableName table)
      throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(SnowflakeSql.render("table-columns", Map.of()))) {
      query.setString(1, table.schema().toUpperCase(Locale.ROOT));
      query.setString(2, table.table().toUpperCase(Locale.ROOT));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.put(rows.getString(1), rows.getString(2).toUpperCase(Locale.ROOT));
        }
      }
    }
    return columns;
  }

  /** The data type information_schema reports for a column Millflow creates. */
  static String dataType(ColumnType type) {
    return switch (type) {
      case TEXT -> "TEXT";
      case INTEGER, BIGINT, DECIMAL -> "NUMBER";
      case BOOLEAN -> "BOOLEAN";
      case TIMESTAMP, SYNC_TIME -> "TIMESTAMP_TZ";
      case JSON -> "VARIANT";
    };
  }
}
