package io.millflow.connector.postgres;

import static io.millflow.connector.sql.SqlDialect.POSTGRES;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.Batches;
import io.millflow.connector.sql.Column;
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
 * JsonRows}): the table is created from the first batch's fields and gains a column for each new
 * field; rows are upserted on the key fields.
 */
final class RowWriter {

  private static final String STAGE = "millflow_stage_row";

  private final int batchSize;

  RowWriter(int batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * Writes all records of the stream. {@code keyColumns} may be empty only for INSERT and REPLACE
   * (the caller checks): then every record is appended.
   */
  WriteCounts write(
      Handle handle,
      TableName table,
      WriteMode mode,
      List<String> keyColumns,
      Stream<JsonNode> records,
      LongConsumer progress)
      throws SQLException {
    PostgresTableSchema.lock(handle, table);
    if (mode == WriteMode.REPLACE && !PostgresTableSchema.columns(handle, table).isEmpty()) {
      handle.execute(
          PostgresSql.render("table-truncate", Map.of("tables", table.quoted(POSTGRES))));
    }
    JsonRows rows = new JsonRows(keyColumns);
    return Batches.write(
        records,
        batchSize,
        (batch, offset) -> {
          JsonRows.Batch rowBatch = rows.batch(batch, offset);
          int accepted = batch.size() - (int) rowBatch.rejected().count();
          WriteCounts written =
              rowBatch.rows().isEmpty()
                  ? WriteCounts.NONE
                  : writeBatch(handle, table, mode, keyColumns, rowBatch, accepted);
          return written.withRejected(rowBatch.rejected());
        },
        progress);
  }

  private static WriteCounts writeBatch(
      Handle handle,
      TableName table,
      WriteMode mode,
      List<String> keyColumns,
      JsonRows.Batch batch,
      int records)
      throws SQLException {
    List<Column<Map<String, JsonNode>>> columns = new ArrayList<>();
    batch
        .columnTypes()
        .forEach((name, type) -> columns.add(Column.of(name, type, row -> row.get(name))));
    Map<String, String> tableTypes = PostgresTableSchema.ensure(handle, table, columns, keyColumns);
    List<String> names = Column.names(columns);
    handle.execute(PostgresSql.render("rows-stage-drop"));
    handle.execute(PostgresSql.stage(STAGE, table, names));
    try (CsvCopy copy = CsvCopy.open(handle, STAGE, names)) {
      for (Map<String, JsonNode> row : batch.rows()) {
        copy.row(
            names.stream().map(name -> copyValue(row.get(name), tableTypes.get(name))).toList());
      }
      copy.finish();
    }
    return merge(handle, table, mode, keyColumns, names, records);
  }

  private static WriteCounts merge(
      Handle handle,
      TableName table,
      WriteMode mode,
      List<String> keyColumns,
      List<String> columns,
      int records) {
    List<String> valueColumns =
        columns.stream().filter(column -> !keyColumns.contains(column)).toList();
    Map<String, String> fragments =
        Map.of(
            "table", table.quoted(POSTGRES),
            "columns", POSTGRES.list(columns),
            "key", POSTGRES.list(keyColumns),
            "assignments", PostgresSql.assignmentsFromExcluded(valueColumns),
            "storedValues", POSTGRES.list("t", valueColumns),
            "stagedValues", POSTGRES.list("excluded", valueColumns));
    if (keyColumns.isEmpty()) {
      return WriteCounts.ofBatch(
          records, handle.execute(PostgresSql.render("rows-insert", fragments)), 0);
    }
    if (mode == WriteMode.INSERT || valueColumns.isEmpty()) {
      return WriteCounts.ofBatch(
          records, handle.execute(PostgresSql.render("rows-insert-new", fragments)), 0);
    }
    long[] changed =
        handle
            .createQuery(PostgresSql.render("rows-upsert", fragments))
            .map((rs, ctx) -> new long[] {rs.getLong("inserted"), rs.getLong("updated")})
            .one();
    return WriteCounts.ofBatch(records, changed[0], changed[1]);
  }

  /**
   * What COPY gets for a value in a column of the given PostgreSQL data type (the table's, which
   * may predate us).
   */
  private static String copyValue(JsonNode value, String dataType) {
    return JsonRows.text(value, dataType.equals("jsonb") || dataType.equals("json"));
  }
}
