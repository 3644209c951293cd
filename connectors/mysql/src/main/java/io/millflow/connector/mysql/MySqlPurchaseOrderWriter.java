package io.millflow.connector.mysql;

import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_KEY;
import static io.millflow.connector.sql.PurchaseOrderLayout.LINE_TABLE_SUFFIX;
import static io.millflow.connector.sql.PurchaseOrderLayout.ORDER_COLUMNS;
import static io.millflow.connector.sql.PurchaseOrderLayout.ORDER_KEY;
import static io.millflow.connector.sql.SqlDialect.MYSQL;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The fast path for unified purchase orders: each batch goes to the order table as one batched (rewritten multi-row)
 * {@code INSERT ... ON DUPLICATE KEY UPDATE} under the newer-wins rule ({@code sql/orders-upsert.sql}); the lines of
 * the orders it inserted or updated are replaced. Counts come from a {@link BeforeImage}.
 */
final class MySqlPurchaseOrderWriter {

  private static final String SOURCE_UPDATED_AT = "source_updated_at";
  /** True when the incoming order is at least as new as the stored one (or the stored one has no version). */
  private static final String NEWER = "(`source_updated_at` IS NULL OR VALUES(`source_updated_at`) >= "
      + "`source_updated_at`)";

  private final int batchSize;

  MySqlPurchaseOrderWriter(int batchSize) {
    this.batchSize = batchSize;
  }

  /** Creates or extends the two tables; MySQL commits this on its own, so it runs before the write's transaction. */
  static void prepareTables(Handle handle, TableName orders) {
    MySqlTableSchema.ensure(handle, orders, PurchaseOrderLayout.withSyncedAt(ORDER_COLUMNS), ORDER_KEY);
    MySqlTableSchema.ensure(handle, orders.withSuffix(LINE_TABLE_SUFFIX),
        PurchaseOrderLayout.withSyncedAt(LINE_COLUMNS), LINE_KEY);
  }

  /** Writes all orders of the stream, inside the caller's transaction. */
  WriteCounts write(Handle handle, TableName orders, WriteMode mode, Stream<PurchaseOrder> records,
      LongConsumer progress) throws SQLException {
    TableName lines = orders.withSuffix(LINE_TABLE_SUFFIX);
    if (mode == WriteMode.REPLACE) {
      handle.execute(MySqlSql.render("table-delete", Map.of("table", orders.quoted(MYSQL))));
      handle.execute(MySqlSql.render("table-delete", Map.of("table", lines.quoted(MYSQL))));
    }
    String upsert = upsertStatement(orders, mode);
    try (BeforeImage before = BeforeImage.open(handle, orders, ORDER_KEY)) {
      return Batches.write(records, batchSize,
          (batch, offset) -> writeBatch(handle, before, upsert, lines, mode, batch, offset), progress);
    }
  }

  private static WriteCounts writeBatch(Handle handle, BeforeImage before, String upsert, TableName lines,
      WriteMode mode, List<PurchaseOrder> batch, long offset) throws SQLException {
    Collection<PurchaseOrder> orders = PurchaseOrderBatch.newestPerKey(batch, offset);
    before.capture(orders.stream().map(order -> List.<Object>of(order.key())).toList());
    Set<String> stored = new HashSet<>(before.storedKeys());
    MySqlBatchInsert.run(handle, upsert, ORDER_COLUMNS, orders);
    List<String> updated = mode == WriteMode.INSERT ? List.of() : before.changedKeys(Column.names(ORDER_COLUMNS));
    Set<String> changed = new HashSet<>(updated);
    orders.stream().map(PurchaseOrder::key).filter(key -> !stored.contains(key)).forEach(changed::add);
    replaceLines(handle, lines, orders.stream().filter(order -> changed.contains(order.key())).toList());
    long inserted = changed.size() - updated.size();
    return WriteCounts.ofBatch(batch.size(), inserted, updated.size());
  }

  private static void replaceLines(Handle handle, TableName lines, List<PurchaseOrder> orders) throws SQLException {
    List<String> keys = orders.stream().map(PurchaseOrder::key).toList();
    for (int from = 0; from < keys.size(); from += MySqlBatchInsert.KEYS_PER_STATEMENT) {
      List<String> chunk = keys.subList(from, Math.min(keys.size(), from + MySqlBatchInsert.KEYS_PER_STATEMENT));
      MySqlBatchInsert.execute(handle, MySqlSql.render("lines-delete", Map.of("lines", lines.quoted(MYSQL),
          "keys", MySqlSql.placeholders(chunk.size()))), chunk);
    }
    String insert = MySqlSql.render("lines-insert", Map.of("lines", lines.quoted(MYSQL),
        "columns", MYSQL.list(Column.names(LINE_COLUMNS)), "placeholders", MySqlSql.placeholders(LINE_COLUMNS.size())));
    MySqlBatchInsert.run(handle, insert, LINE_COLUMNS, PurchaseOrderBatch.linesOf(orders));
  }

  /** The batch statement: upsert under the newer-wins rule, or (mode insert) insert new keys only. */
  private static String upsertStatement(TableName orders, WriteMode mode) {
    List<String> columns = Column.names(ORDER_COLUMNS);
    List<String> compared = columns.stream().filter(column -> !ORDER_KEY.contains(column)).toList();
    List<String> assigned = compared.stream().filter(column -> !column.equals(SOURCE_UPDATED_AT)).toList();
    return MySqlSql.render(mode == WriteMode.INSERT ? "orders-insert" : "orders-upsert", Map.of(
        "orders", orders.quoted(MYSQL),
        "columns", MYSQL.list(columns),
        "placeholders", MySqlSql.placeholders(columns.size()),
        "newer", NEWER,
        "unchanged", MySqlSql.equalToValues(compared),
        "assignments", MySqlSql.conditionalAssignments(assigned, NEWER)));
  }
}
