package io.millflow.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Writes datasets of any entity other than the unified ones, field for field (see {@link JsonRows}): the table is
 * created from the first batch's fields and gains a column for each new field; rows are upserted on the key fields.
 */
final class RowWriter {

  private static final String STAGE = "millflow_stage_row";

  private final int batchSize;

  RowWriter(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * Writes all records of the stream. {@code keyColumns} may be empty only for INSERT and REPLACE (the caller checks):
   * then every record is appended.
   */
  WriteCounts write(Handle handle, TableName table, WriteMode mode, List<String> keyColumns, Stream<JsonNode> records,
      LongConsumer progress) throws SQLException {
    TableSchema.lock(handle, table);
    if (mode == WriteMode.REPLACE && !TableSchema.columns(handle, table).isEmpty()) {
      handle.execute(SqlTemplates.render("table-truncate", Map.of("tables", table.quoted())));
    }
    JsonRows rows = new JsonRows(keyColumns);
    return Batches.write(records, batchSize,
        (batch, offset) -> writeBatch(handle, table, mode, keyColumns, rows.batch(batch, offset), batch.size()),
        progress);
  }

  private static WriteCounts writeBatch(Handle handle, TableName table, WriteMode mode, List<String> keyColumns,
      JsonRows.Batch batch, int records) throws SQLException {
    List<Column<Map<String, JsonNode>>> columns = new ArrayList<>();
    batch.columnTypes().forEach((name, type) -> columns.add(Column.of(name, type, row -> row.get(name))));
    Map<String, String> tableTypes = TableSchema.ensure(handle, table, columns, keyColumns);
    List<String> names = Column.names(columns);
    handle.execute(SqlTemplates.render("rows-stage-drop"));
    handle.execute(SqlTemplates.render("stage-create",
        Map.of("stage", STAGE, "target", table.quoted(), "columns", Identifiers.list(names))));
    try (CsvCopy copy = CsvCopy.open(handle, STAGE, names)) {
      for (Map<String, JsonNode> row : batch.rows()) {
        copy.row(names.stream().map(name -> JsonRows.copyValue(row.get(name), tableTypes.get(name))).toList());
      }
      copy.finish();
    }
    return merge(handle, table, mode, keyColumns, names, records);
  }

  private static WriteCounts merge(Handle handle, TableName table, WriteMode mode, List<String> keyColumns,
      List<String> columns, int records) {
    List<String> valueColumns = columns.stream().filter(column -> !keyColumns.contains(column)).toList();
    Map<String, String> fragments = Map.of(
        "table", table.quoted(),
        "columns", Identifiers.list(columns),
        "key", Identifiers.list(keyColumns),
        "assignments", Identifiers.assignmentsFromExcluded(valueColumns),
        "storedValues", Identifiers.list("t", valueColumns),
        "stagedValues", Identifiers.list("excluded", valueColumns));
    if (keyColumns.isEmpty()) {
      return WriteCounts.ofBatch(records, handle.execute(SqlTemplates.render("rows-insert", fragments)), 0);
    }
    if (mode == WriteMode.INSERT || valueColumns.isEmpty()) {
      return WriteCounts.ofBatch(records, handle.execute(SqlTemplates.render("rows-insert-new", fragments)), 0);
    }
    long[] changed = handle.createQuery(SqlTemplates.render("rows-upsert", fragments))
        .map((rs, ctx) -> new long[] {rs.getLong("inserted"), rs.getLong("updated")})
        .one();
    return WriteCounts.ofBatch(records, changed[0], changed[1]);
  }
}
