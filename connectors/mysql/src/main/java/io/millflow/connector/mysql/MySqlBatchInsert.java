package io.millflow.connector.mysql;

import io.millflow.connector.sql.Column;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Runs statements with plain JDBC on the write's connection: a JDBC batch is what Connector/J
 * rewrites into multi-row INSERTs ({@code rewriteBatchedStatements}), the fastest way to load rows
 * into MySQL short of LOAD DATA.
 */
final class MySqlBatchInsert {

  /** Values per IN list and rows per JDBC batch, so that no single packet grows without bound. */
  static final int KEYS_PER_STATEMENT = 1_000;

  private MySqlBatchInsert() {}

  /**
   * Executes {@code sql} once per record, as one JDBC batch, binding the columns' values in order.
   */
  static <T> void run(Handle handle, String sql, List<Column<T>> columns, Collection<T> records)
      throws SQLException {
    if (records.isEmpty()) {
      return;
    }
    try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
      for (T record : records) {
        MySqlValues.bind(
            statement,
            1,
            columns.stream().map(column -> MySqlValues.of(column.valueOf(record))).toList());
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  /** Executes {@code sql} once with the given bind values. */
  static void execute(Handle handle, String sql, List<?> values) throws SQLException {
    try (PreparedStatement statement = handle.getConnection().prepareStatement(sql)) {
      MySqlValues.bind(statement, 1, values);
      statement.executeUpdate();
    }
  }
}
