package io.millflow.connector.mysql;

import static io.millflow.connector.sql.SqlDialect.MYSQL;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.Batches;
import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.JsonRows;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Writes datasets of any entity other than the unified ones, field for field (see {@link
 * JsonRows}). MySQL commits DDL on its own, so the columns of the whole dataset are found in a
 * first pass ({@link #columnTypes}) and the table is created or extended before the write's
 * transaction; the second pass upserts batch by batch on the key fields.
 */
final class MySqlRowWriter {

  private final int batchSize;

  MySqlRowWriter(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * The first pass: every column the records need, with the type of its first non-null value.
   * Checks the keys too.
   */
  Map<String, ColumnType> columnTypes(Stream<JsonNode> records, List<String> keyColumns)
      throws SQLException {
    return new JsonRows(keyColumns).columnTypes(records, batchSize);
  }

  /** Creates or extends the table; returns its columns, name to MySQL data type. */
  static Map<String, String> prepareTable(
      Handle handle, TableName table, Map<String, ColumnType> types, List<String> keyColumns) {
    List<Column<Object>> columns = new ArrayList<>();
    types.forEach((name, type) -> columns.add(Column.generated(name, type)));
    return MySqlTableSchema.ensure(handle, table, columns, keyColumns);
  }

  /** The second pass, inside the caller's transaction. */
  WriteCounts write(
      Handle handle,
      TableName table,
      Map<String, String> tableTypes,
      WriteMode mode,
      List<String> keyColumns,
      Stream<JsonNode> records,
      LongConsumer progress)
      throws SQLException {
    if (mode == WriteMode.REPLACE) {
      handle.execute(MySqlSql.render("table-delete", Map.of("table", table.quoted(MYSQL))));
    }
    JsonRows rows = new JsonRows(keyColumns);
    if (keyColumns.isEmpty()) {
      return Batches.write(
          records,
          batchSize,
          (batch, offset) -> {
            JsonRows.Batch rowBatch = rows.batch(batch, offset);
            insert(handle, "rows-insert", table, tableTypes, keyColumns, rowBatch);
            return WriteCounts.ofBatch(rowBatch.rows().size(), rowBatch.rows().size(), 0);
          },
          progress);
    }
    try (BeforeImage before = BeforeImage.open(handle, table, keyColumns)) {
      return Batches.write(
          records,
          batchSize,
          (batch, offset) -> {
            JsonRows.Batch rowBatch = rows.batch(batch, offset);
            int accepted = batch.size() - (int) rowBatch.rejected().count();
            WriteCounts written =
                rowBatch.rows().isEmpty()
                    ? WriteCounts.NONE
                    : upsertBatch(
                        handle, before, table, tableTypes, mode, keyColumns, rowBatch, accepted);
            return written.withRejected(rowBatch.rejected());
          },
          progress);
    }
  }

  private static WriteCounts upsertBatch(
      Handle handle,
      BeforeImage before,
      TableName table,
      Map<String, String> tableTypes,
      WriteMode mode,
      List<String> keyColumns,
      JsonRows.Batch batch,
      int records)
      throws SQLException {
    List<List<Object>> keys =
        batch.rows().stream()
            .map(
                row ->
                    keyColumns.stream()
                        .map(key -> MySqlValues.ofField(row.get(key), tableTypes.get(key)))
                        .toList())
            .toList();
    before.capture(keys);
    long stored = before.storedCount();
    List<String> valueColumns =
        batch.columnTypes().keySet().stream()
            .filter(column -> !keyColumns.contains(column))
            .toList();
    boolean update = mode != WriteMode.INSERT && !valueColumns.isEmpty();
    insert(
        handle, update ? "rows-upsert" : "rows-insert-new", table, tableTypes, keyColumns, batch);
    long updated = update ? before.changedKeys(valueColumns).size() : 0;
    return WriteCounts.ofBatch(records, batch.rows().size() - stored, updated);
  }

  private static void insert(
      Handle handle,
      String template,
      TableName table,
      Map<String, String> tableTypes,
      List<String> keyColumns,
      JsonRows.Batch batch)
      throws SQLException {
    List<String> names = List.copyOf(batch.columnTypes().keySet());
    List<Column<Map<String, JsonNode>>> columns =
        names.stream()
            .map(
                name ->
                    Column.<Map<String, JsonNode>>of(
                        name,
                        batch.columnTypes().get(name),
                        row -> MySqlValues.ofField(row.get(name), tableTypes.get(name))))
            .toList();
    List<String> valueColumns = names.stream().filter(name -> !keyColumns.contains(name)).toList();
    String sql =
        MySqlSql.render(
            template,
            Map.of(
                "table", table.quoted(MYSQL),
                "columns", MYSQL.list(names),
                "placeholders", MySqlSql.placeholders(names.size()),
                "assignments", MySqlSql.assignmentsFromValues(valueColumns),
                "noop",
                    keyColumns.isEmpty()
                        ? ""
                        : MYSQL.quote(keyColumns.get(0)) + " = " + MYSQL.quote(keyColumns.get(0))));
    MySqlBatchInsert.run(handle, sql, columns, batch.rows());
  }
}
