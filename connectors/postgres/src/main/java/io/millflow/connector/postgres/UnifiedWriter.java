package io.millflow.connector.postgres;

import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import io.millflow.connector.sql.Batches;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.UnifiedBatch;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteMode;
import io.millflow.step.LedgerMeasurement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * The fast path for unified records (every entity of the model), inside the caller's transaction. A
 * batch none of whose keys is stored yet (the common first load, and every batch of {@code
 * replace}; {@link StoredKeys} tells) is COPYed straight into the entity's table and the nested
 * table: every record is an insert, so there is nothing to merge. Any other batch is COPYed into a
 * staging table and merged into the entity's table with one set-based upsert under the newer-wins
 * rule ({@code sql/unified-upsert.sql}); nested rows (purchase-order lines) follow their changed
 * parents. The table lock taken first keeps other writers from storing one of the batch's keys
 * between the check and the COPY.
 */
final class UnifiedWriter {

  static final String STAGE = "millflow_stage";

  private final int batchSize;

  UnifiedWriter(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * Writes all records of the stream; {@code progress} receives the number of records done after
   * each batch.
   */
  <T extends Record> WriteCounts write(
      Handle handle,
      TableName table,
      EntityLayout<T> layout,
      NestedRows<T> nested,
      WriteMode mode,
      Stream<T> records,
      LongConsumer progress)
      throws SQLException {
    PostgresTableSchema.lock(handle, table);
    PostgresTableSchema.ensure(handle, table, layout.tableColumns(), EntityLayout.KEY);
    if (mode == WriteMode.REPLACE) {
      handle.execute(
          PostgresSql.render("table-truncate", Map.of("tables", table.quoted(POSTGRES))));
    }
    nested.prepare(handle, mode);
    handle.execute(PostgresSql.stage(STAGE, table, layout.names()));
    handle.execute(PostgresSql.render("changed-create"));
    // the ledger's split of what stayed as stored (unchanged, or older than stored) is made by the
    // upsert itself; a benchmark without the ledger leaves it out
    String merge =
        merge(table, layout, mode, LedgerMeasurement.isOn() ? OLDER_THAN_STORED : "false");
    String quoted = table.quoted(POSTGRES);
    StoredKeys stored =
        StoredKeys.of(
            handle,
            PostgresSql.render(
                "keys-stored", Map.of("table", quoted, "key", POSTGRES.list(EntityLayout.KEY))),
            PostgresSql.render("table-has-rows", Map.of("table", quoted)));
    return Batches.write(
        records,
        batchSize,
        (batch, offset) -> {
          Map<String, T> byKey = UnifiedBatch.newestByKey(layout, batch, offset);
          Collection<T> newest = byKey.values();
          boolean anyStored = stored.anyStored(handle, byKey.keySet());
          stored.stored(byKey.keySet());
          if (!anyStored) {
            nested.load(handle, newest, byKey.keySet());
            CsvCopy.load(handle, quoted, layout.columns(), newest);
            return WriteCounts.ofBatch(batch.size(), newest.size(), 0);
          }
          nested.stage(handle, newest);
          CsvCopy.load(handle, STAGE, layout.columns(), newest);
          handle.execute(merge);
          long[] changed =
              handle
                  .createQuery(PostgresSql.render("changed-count"))
                  .map(
                      (rs, ctx) ->
                          new long[] {
                            rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("older")
                          })
                  .one();
          nested.replaceChanged(handle);
          handle.execute(
              PostgresSql.render("table-truncate", Map.of("tables", STAGE + ", millflow_changed")));
          return WriteCounts.ofBatch(batch.size(), changed[0], changed[1], changed[2]);
        },
        progress);
  }

  /** The stored row's version is newer than the staged one: the upsert keeps the stored row. */
  private static final String OLDER_THAN_STORED =
      "(t.source_updated_at > coalesce(excluded.source_updated_at, '-infinity'::timestamptz))";

  private static String merge(
      TableName table, EntityLayout<?> layout, WriteMode mode, String olderThanStored) {
    List<String> compared = layout.valueNames();
    return PostgresSql.render(
        mode == WriteMode.INSERT ? "unified-insert" : "unified-upsert",
        Map.of(
            "table", table.quoted(POSTGRES),
            "columns", POSTGRES.list(layout.names()),
            "key", POSTGRES.list(EntityLayout.KEY),
            "older", olderThanStored,
            "assignments", PostgresSql.assignmentsFromExcludedUnless(olderThanStored, compared),
            "storedValues", POSTGRES.list("t", compared),
            "stagedValues", POSTGRES.list("excluded", compared)));
  }
}
