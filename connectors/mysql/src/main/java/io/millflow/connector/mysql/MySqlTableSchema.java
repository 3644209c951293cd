package io.millflow.connector.mysql;

import static io.millflow.connector.sql.SqlDialect.MYSQL;

import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.TableSchema;
import io.millflow.step.RetryableStepException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A MySQL target table's named lock and columns; creating it and adding columns is {@link
 * TableSchema}'s. MySQL commits DDL on its own, so this runs before the write's transaction starts,
 * under the table's named lock.
 */
final class MySqlTableSchema {

  static final Duration LOCK_WAIT = Duration.ofMinutes(5);

  private static final TableSchema SCHEMA =
      new TableSchema(MYSQL, MySqlSql::render, MySqlTableSchema::columns);

  private MySqlTableSchema() {}

  /**
   * Takes the table's named lock for this session; another run writing the table holds it until it
   * is done.
   */
  static void lock(Handle handle, TableName table) {
    Integer got =
        handle
            .createQuery(MySqlSql.render("table-lock"))
            .bind("table", table.toString())
            .bind("seconds", LOCK_WAIT.toSeconds())
            .mapTo(Integer.class)
            .one();
    if (got == null || got != 1) {
      throw new RetryableStepException(
          "Another run has been writing "
              + table
              + " for over "
              + LOCK_WAIT.toMinutes()
              + " minutes; the step will be retried.");
    }
  }

  static void unlock(Handle handle, TableName table) {
    handle
        .createQuery(MySqlSql.render("table-unlock"))
        .bind("table", table.toString())
        .mapTo(Integer.class)
        .one();
  }

  /**
   * See {@link TableSchema#ensure}.
   *
   * @return the table's columns afterwards, name to lower-case MySQL data type ({@code text},
   *     {@code json}, ...)
   */
  static Map<String, String> ensure(
      Handle handle, TableName table, List<? extends Column<?>> columns, List<String> key) {
    return SCHEMA.ensure(handle, table, columns, key);
  }

  static Map<String, String> columns(Handle handle, TableName table) {
    Map<String, String> columns = new LinkedHashMap<>();
    handle
        .createQuery(MySqlSql.render("table-columns"))
        .bind("schema", table.schema())
        .bind("table", table.table())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2).toLowerCase(Locale.ROOT)))
        .forEach(column -> columns.put(column.getKey(), column.getValue()));
    return columns;
  }
}
