package io.millflow.connector.postgres;

import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_KEY;
import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_TABLE_SUFFIX;
import static io.millflow.connector.sql.PurchaseOrderLayout.ORDER_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.ORDER_KEY;

import io.millflow.connector.sql.Batches;
import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.PurchaseOrderBatch;
import io.millflow.connector.sql.PurchaseOrderLayout;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteMode;
import io.millflow.model.PurchaseOrder;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The fast path for unified purchase orders: each batch is COPYed into staging tables and merged into the order and
 * line tables with a handful of set-based statements, inside the caller's transaction.
 */
final class PurchaseOrderWriter {

  private final int batchSize;

  PurchaseOrderWriter(int batchSize) {
    this.batchSize = batchSize;
  }

  /** Writes all orders of the stream; {@code progress} receives the number of records done after each batch. */
  WriteCounts write(Handle handle, TableName orders, WriteMode mode, Stream<PurchaseOrder> records,
      LongConsumer progress) throws SQLException {
    TableName lines = orders.withSuffix(LINE_TABLE_SUFFIX);
    TableSchema.lock(handle, orders);
    TableSchema.ensure(handle, orders, PurchaseOrderLayout.withSyncedAt(ORDER_COLUMNS), ORDER_KEY);
    TableSchema.ensure(handle, lines, PurchaseOrderLayout.withSyncedAt(LINE_COLUMNS), LINE_KEY);
    PurchaseOrderStatements sql = PurchaseOrderStatements.of(orders, lines, mode);
    if (mode == WriteMode.REPLACE) {
      handle.execute(sql.truncateTargets());
    }
    handle.execute(sql.createOrderStage());
    handle.execute(sql.createLineStage());
    handle.execute(sql.createChangedOrders());
    return Batches.write(records, batchSize, (batch, offset) -> writeBatch(handle, sql, batch, offset), progress);
  }

  private static WriteCounts writeBatch(Handle handle, PurchaseOrderStatements sql, List<PurchaseOrder> batch,
      long offset) throws SQLException {
    Collection<PurchaseOrder> orders = PurchaseOrderBatch.newestPerKey(batch, offset);
    copy(handle, PurchaseOrderStatements.ORDER_STAGE, ORDER_COLUMNS, orders);
    copy(handle, PurchaseOrderStatements.LINE_STAGE, LINE_COLUMNS, PurchaseOrderBatch.linesOf(orders));
    handle.execute(sql.mergeOrders());
    long[] changed = handle.createQuery(sql.countChangedOrders())
        .map((rs, ctx) -> new long[] {rs.getLong("inserted"), rs.getLong("updated")})
        .one();
    handle.execute(sql.deleteChangedLines());
    handle.execute(sql.insertChangedLines());
    handle.execute(sql.clearStages());
    return WriteCounts.ofBatch(batch.size(), changed[0], changed[1]);
  }

  private static <T> void copy(Handle handle, String stage, List<Column<T>> columns, Collection<T> records)
      throws SQLException {
    try (CsvCopy copy = CsvCopy.open(handle, stage, Column.names(columns))) {
      for (T record : records) {
        copy.row(columns.stream().map(column -> column.valueOf(record)).toList());
      }
      copy.finish();
    }
  }
}
