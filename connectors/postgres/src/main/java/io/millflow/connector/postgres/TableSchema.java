package io.millflow.connector.postgres;

import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.TableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Creates a target table when it is absent and adds the columns it lacks; never drops or changes a column. Model
 * columns are nullable, so adding one to a table with rows always works; synced_at is NOT NULL with a default, which
 * fills existing rows.
 */
final class TableSchema {

  private TableSchema() {}

  /** Takes the write's lock on the table for the rest of the transaction. */
  static void lock(Handle handle, TableName table) {
    handle.createQuery(PostgresSql.render("table-lock")).bind("table", table.toString()).mapTo(String.class).one();
  }

  /**
   * Makes {@code table} hold at least {@code columns}, with {@code key} as primary key when the table is created
   * ({@code key} may be empty: no primary key).
   *
   * @return the table's columns afterwards, name to PostgreSQL data type ({@code text}, {@code jsonb}, ...)
   */
  static Map<String, String> ensure(Handle handle, TableName table, List<? extends Column<?>> columns,
      List<String> key) {
    Map<String, String> existing = columns(handle, table);
    if (existing.isEmpty()) {
      create(handle, table, columns, key);
    } else {
      for (Column<?> column : columns) {
        if (!existing.containsKey(column.name())) {
          handle.execute(PostgresSql.render("table-add-column", Map.of("table", table.quoted(POSTGRES),
              "column", POSTGRES.quote(column.name()), "type", POSTGRES.typeName(column.type(), false))));
        }
      }
    }
    return columns(handle, table);
  }

  static Map<String, String> columns(Handle handle, TableName table) {
    Map<String, String> columns = new LinkedHashMap<>();
    handle.createQuery(PostgresSql.render("table-columns"))
        .bind("table", table.quoted(POSTGRES))
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(column -> columns.put(column.getKey(), column.getValue()));
    return columns;
  }

  private static void create(Handle handle, TableName table, List<? extends Column<?>> columns, List<String> key) {
    String definitions = String.join(", ",
        columns.stream().map(column -> POSTGRES.definition(column, key.contains(column.name()))).toList());
    if (key.isEmpty()) {
      handle.execute(PostgresSql.render("table-create",
          Map.of("table", table.quoted(POSTGRES), "columns", definitions)));
    } else {
      handle.execute(PostgresSql.render("table-create-keyed",
          Map.of("table", table.quoted(POSTGRES), "columns", definitions, "key", POSTGRES.list(key))));
    }
  }
}
