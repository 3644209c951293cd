package io.millflow.connector.postgres;

import static io.millflow.connector.postgres.PurchaseOrderLayout.LINE_COLUMNS;
import static io.millflow.connector.postgres.PurchaseOrderLayout.LINE_KEY;
import static io.millflow.connector.postgres.PurchaseOrderLayout.LINE_TABLE_SUFFIX;
import static io.millflow.connector.postgres.PurchaseOrderLayout.ORDER_COLUMNS;
import static io.millflow.connector.postgres.PurchaseOrderLayout.ORDER_KEY;
import static io.millflow.connector.postgres.PurchaseOrderLayout.SYNCED_AT;

import io.millflow.connector.postgres.PurchaseOrderLayout.OrderLine;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.StepFailure;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    TableSchema.ensure(handle, orders, withSyncedAt(ORDER_COLUMNS), ORDER_KEY);
    TableSchema.ensure(handle, lines, withSyncedAt(LINE_COLUMNS), LINE_KEY);
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
    Collection<PurchaseOrder> orders = newestPerKey(batch, offset);
    copy(handle, PurchaseOrderStatements.ORDER_STAGE, ORDER_COLUMNS, orders);
    copy(handle, PurchaseOrderStatements.LINE_STAGE, LINE_COLUMNS, linesOf(orders));
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
        copy.row(columns.stream().map(column -> column.value().apply(record)).toList());
      }
      copy.finish();
    }
  }

  /**
   * One version per key: a dataset may hold several versions of an order, and one statement cannot upsert a key
   * twice. The newest by source updated-at wins, the later one on a tie, matching the rule the upsert applies.
   */
  static Collection<PurchaseOrder> newestPerKey(List<PurchaseOrder> batch, long offset) {
    Map<String, PurchaseOrder> newest = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      PurchaseOrder order = batch.get(i);
      if (order.key() == null || order.key().isBlank()) {
        throw new StepFailure("MISSING_KEY", "Purchase order record " + (offset + i + 1) + " (order number '"
            + order.orderNumber() + "') has no key: the step that produced the dataset must set each order's key.");
      }
      checkLineNumbers(order);
      newest.merge(order.key(), order, PurchaseOrderWriter::newer);
    }
    return newest.values();
  }

  private static PurchaseOrder newer(PurchaseOrder earlier, PurchaseOrder later) {
    Instant earlierAt = sourceUpdatedAt(earlier);
    Instant laterAt = sourceUpdatedAt(later);
    return earlierAt != null && (laterAt == null || laterAt.isBefore(earlierAt)) ? earlier : later;
  }

  private static Instant sourceUpdatedAt(PurchaseOrder order) {
    return order.source() == null ? null : order.source().sourceUpdatedAt();
  }

  private static void checkLineNumbers(PurchaseOrder order) {
    Set<Integer> seen = new HashSet<>();
    for (PurchaseOrderLine line : order.lines()) {
      if (!seen.add(line.lineNumber())) {
        throw new StepFailure("DUPLICATE_LINE", "Purchase order '" + order.key() + "' has two lines numbered "
            + line.lineNumber() + ": line numbers must be unique within an order; fix the mapping that set them.");
      }
    }
  }

  private static List<OrderLine> linesOf(Collection<PurchaseOrder> orders) {
    List<OrderLine> lines = new ArrayList<>();
    orders.forEach(order -> order.lines().forEach(line -> lines.add(new OrderLine(order.key(), line))));
    return lines;
  }

  private static List<Column<?>> withSyncedAt(List<? extends Column<?>> columns) {
    List<Column<?>> all = new ArrayList<>(columns);
    all.add(SYNCED_AT);
    return all;
  }
}
