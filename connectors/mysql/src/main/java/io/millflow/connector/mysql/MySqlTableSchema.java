package io.millflow.connector.mysql;

import static io.millflow.connector.sql.SqlDialect.MYSQL;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.TableName;
import io.millflow.step.RetryableStepException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Creates a target table when it is absent and adds the columns it lacks; never drops or changes a column. MySQL
 * commits DDL on its own, so this runs before the write's transaction starts, under the table's named lock.
 */
final class MySqlTableSchema {

  static final Duration LOCK_WAIT = Duration.ofMinutes(5);

  private MySqlTableSchema() {}

  /** Takes the table's named lock for this session; another run writing the table holds it until it is done. */
  static void lock(Handle handle, TableName table) {
    Integer got = handle.createQuery(MySqlSql.render("table-lock")).bind("table", table.toString())
        .bind("seconds", LOCK_WAIT.toSeconds()).mapTo(Integer.class).one();
    if (got == null || got != 1) {
      throw new RetryableStepException("Another run has been writing " + table + " for over "
          + LOCK_WAIT.toMinutes() + " minutes; the step will be retried.");
    }
  }

  static void unlock(Handle handle, TableName table) {
    handle.createQuery(MySqlSql.render("table-unlock")).bind("table", table.toString()).mapTo(Integer.class).one();
  }

  /**
   * Makes {@code table} hold at least {@code columns}, with {@code key} as primary key when the table is created
   * ({@code key} may be empty: no primary key).
   *
   * @return the table's columns afterwards, name to lower-case MySQL data type ({@code text}, {@code json}, ...)
   */
  static Map<String, String> ensure(Handle handle, TableName table, List<? extends Column<?>> columns,
      List<String> key) {
    Map<String, String> existing = columns(handle, table);
    if (existing.isEmpty()) {
      create(handle, table, columns, key);
    } else {
      for (Column<?> column : columns) {
        if (!existing.containsKey(column.name())) {
          handle.execute(MySqlSql.render("table-add-column", Map.of("table", table.quoted(MYSQL),
              "column", MYSQL.quote(column.name()), "type", MYSQL.typeName(column.type(), false))));
        }
      }
    }
    return columns(handle, table);
  }

  static Map<String, String> columns(Handle handle, TableName table) {
    Map<String, String> columns = new LinkedHashMap<>();
    handle.createQuery(MySqlSql.render("table-columns"))
        .bind("schema", table.schema())
        .bind("table", table.table())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT)))
        .forEach(column -> columns.put(column.getKey(), column.getValue()));
    return columns;
  }

  private static void create(Handle handle, TableName table, List<? extends Column<?>> columns, List<String> key) {
    String definitions = String.join(", ",
        columns.stream().map(column -> MYSQL.definition(column, key.contains(column.name()))).toList());
    if (key.isEmpty()) {
      handle.execute(MySqlSql.render("table-create", Map.of("table", table.quoted(MYSQL), "columns", definitions)));
    } else {
      handle.execute(MySqlSql.render("table-create-keyed",
          Map.of("table", table.quoted(MYSQL), "columns", definitions, "key", MYSQL.list(key))));
    }
  }
}
