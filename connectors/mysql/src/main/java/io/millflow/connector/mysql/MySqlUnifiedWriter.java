package io.millflow.connector.mysql;

import static io.millflow.connector.sql.SqlDialect.MYSQL;

import io.millflow.connector.sql.Batches;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.UnifiedBatch;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteMode;
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
 * The fast path for unified records (every entity of the model): each batch goes to the entity's
 * table as one batched (rewritten multi-row) {@code INSERT ... ON DUPLICATE KEY UPDATE} under the
 * newer-wins rule ({@code sql/unified-upsert.sql}); nested rows (purchase-order lines) of the
 * records it inserted or updated are replaced. Counts come from a {@link BeforeImage}.
 */
final class MySqlUnifiedWriter {

  /**
   * True when the incoming row is at least as new as the stored one (or the stored one has no
   * version).
   */
  private static final String NEWER =
      "(`source_updated_at` IS NULL OR VALUES(`source_updated_at`) >= " + "`source_updated_at`)";

  private final int batchSize;

  MySqlUnifiedWriter(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * Creates or extends the tables; MySQL commits this on its own, so it runs before the write's
   * transaction.
   */
  static void prepareTables(
      Handle handle, TableName table, EntityLayout<?> layout, MySqlNestedRows<?> nested) {
    MySqlTableSchema.ensure(handle, table, layout.tableColumns(), EntityLayout.KEY);
    nested.prepareTable(handle);
  }

  /** Writes all records of the stream, inside the caller's transaction. */
  <T extends Record> WriteCounts write(
      Handle handle,
      TableName table,
      EntityLayout<T> layout,
      MySqlNestedRows<T> nested,
      WriteMode mode,
      Stream<T> records,
      LongConsumer progress)
      throws SQLException {
    if (mode == WriteMode.REPLACE) {
      handle.execute(MySqlSql.render("table-delete", Map.of("table", table.quoted(MYSQL))));
      nested.clear(handle);
    }
    String upsert = upsertStatement(table, layout, mode);
    try (BeforeImage before = BeforeImage.open(handle, table, EntityLayout.KEY)) {
      return Batches.write(
          records,
          batchSize,
          (batch, offset) -> {
            Collection<T> newest = UnifiedBatch.newestPerKey(layout, batch, offset);
            before.capture(
                newest.stream().map(record -> List.<Object>of(layout.key(record))).toList());
            Set<String> stored = new HashSet<>(before.storedKeys());
            MySqlBatchInsert.run(handle, upsert, layout.columns(), newest);
            List<String> updated =
                mode == WriteMode.INSERT ? List.of() : before.changedKeys(layout.names());
            Set<String> changed = new HashSet<>(updated);
            newest.stream()
                .map(layout::key)
                .filter(key -> !stored.contains(key))
                .forEach(changed::add);
            nested.replace(
                handle,
                newest.stream().filter(record -> changed.contains(layout.key(record))).toList());
            return WriteCounts.ofBatch(
                batch.size(), changed.size() - updated.size(), updated.size());
          },
          progress);
    }
  }

  /**
   * The batch statement: upsert under the newer-wins rule, or (mode insert) insert new keys only.
   */
  private static String upsertStatement(TableName table, EntityLayout<?> layout, WriteMode mode) {
    List<String> compared = layout.valueNames();
    List<String> assigned =
        compared.stream().filter(column -> !column.equals(EntityLayout.SOURCE_UPDATED_AT)).toList();
    return MySqlSql.render(
        mode == WriteMode.INSERT ? "unified-insert" : "unified-upsert",
        Map.of(
            "table", table.quoted(MYSQL),
            "columns", MYSQL.list(layout.names()),
            "placeholders", MySqlSql.placeholders(layout.names().size()),
            "newer", NEWER,
            "unchanged", MySqlSql.equalToValues(compared),
            "assignments", MySqlSql.conditionalAssignments(assigned, NEWER)));
  }
}
