package io.millflow.connector.sql;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;

/**
 * Creates a target table when it is absent and adds the columns it lacks; never drops or changes a
 * column. Each SQL sink gives it its dialect, its {@code table-create}, {@code table-create-keyed}
 * and {@code table-add-column} templates, and how it looks up a table's columns.
 */
public final class TableSchema {

  /** A table's columns, name to the database's data type; empty when the table does not exist. */
  @FunctionalInterface
  public interface ColumnLookup {
    Map<String, String> columns(Handle handle, TableName table);
  }

  private final SqlDialect dialect;
  private final BiFunction<String, Map<String, String>, String> templates;
  private final ColumnLookup lookup;

  public TableSchema(
      SqlDialect dialect,
      BiFunction<String, Map<String, String>, String> templates,
      ColumnLookup lookup) {
    this.dialect = dialect;
    this.templates = templates;
    this.lookup = lookup;
  }

  /**
   * Makes {@code table} hold at least {@code columns}, with {@code key} as primary key when the
   * table is created ({@code key} may be empty: no primary key).
   *
   * @return the table's columns afterwards, as the {@link ColumnLookup} reports them
   */
  public Map<String, String> ensure(
      Handle handle, TableName table, List<? extends Column<?>> columns, List<String> key) {
    Map<String, String> existing = lookup.columns(handle, table);
    if (existing.isEmpty()) {
      create(handle, table, columns, key);
    } else {
      addMissing(handle, table, columns, existing);
    }
    return lookup.columns(handle, table);
  }

  private void addMissing(
      Handle handle,
      TableName table,
      List<? extends Column<?>> columns,
      Map<String, String> existing) {
    for (Column<?> column : columns) {
      if (!existing.containsKey(column.name())) {
        handle.execute(
            templates.apply(
                "table-add-column",
                Map.of(
                    "table",
                    table.quoted(dialect),
                    "column",
                    dialect.quote(column.name()),
                    "type",
                    dialect.typeName(column.type(), false))));
      }
    }
  }

  private void create(
      Handle handle, TableName table, List<? extends Column<?>> columns, List<String> key) {
    String definitions =
        String.join(
            ", ",
            columns.stream()
                .map(column -> dialect.definition(column, key.contains(column.name())))
                .toList());
    if (key.isEmpty()) {
      handle.execute(
          templates.apply(
              "table-create", Map.of("table", table.quoted(dialect), "columns", definitions)));
    } else {
      handle.execute(
          templates.apply(
              "table-create-keyed",
              Map.of(
                  "table",
                  table.quoted(dialect),
                  "columns",
                  definitions,
                  "key",
                  dialect.list(key))));
    }
  }
}
