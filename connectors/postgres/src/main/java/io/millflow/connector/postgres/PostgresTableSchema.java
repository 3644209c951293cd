package io.millflow.connector.postgres;

import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.TableSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A PostgreSQL target table's lock and columns; creating it and adding columns is {@link
 * TableSchema}'s. Model columns are nullable, so adding one to a table with rows always works;
 * synced_at is NOT NULL with a default, which fills existing rows.
 */
final class PostgresTableSchema {

  private static final TableSchema SCHEMA =
      new TableSchema(POSTGRES, PostgresSql::render, PostgresTableSchema::columns);

  private PostgresTableSchema() {}

  /** Takes the write's lock on the table for the rest of the transaction. */
  static void lock(Handle handle, TableName table) {
    handle
        .createQuery(PostgresSql.render("table-lock"))
        .bind("table", table.toString())
        .mapTo(String.class)
        .one();
  }

  /**
   * See {@link TableSchema#ensure}.
   *
   * @return the table's columns afterwards, name to PostgreSQL data type ({@code text}, {@code
   *     jsonb}, ...)
   */
  static Map<String, String> ensure(
      Handle handle, TableName table, List<? extends Column<?>> columns, List<String> key) {
    return SCHEMA.ensure(handle, table, columns, key);
  }

  static Map<String, String> columns(Handle handle, TableName table) {
    Map<String, String> columns = new LinkedHashMap<>();
    handle
        .createQuery(PostgresSql.render("table-columns"))
        .bind("table", table.quoted(POSTGRES))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(column -> columns.put(column.getKey(), column.getValue()));
    return columns;
  }
}
