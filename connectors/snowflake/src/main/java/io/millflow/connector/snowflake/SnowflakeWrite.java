package io.millflow.connector.snowflake;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.Batches;
import io.millflow.connector.sql.Column;
import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.JsonRows;
import io.millflow.connector.sql.PurchaseOrderBatch;
import io.millflow.connector.sql.PurchaseOrderLayout;
import io.millflow.connector.sql.PurchaseOrderLayout.OrderLine;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.SqlWriteRun;
import io.millflow.connector.sql.UnifiedBatch;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteTarget;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Connection;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Writes a dataset to Snowflake the way Snowflake recommends for bulk loads ({@link StagedLoad}):
 * gzip CSV files, PUT to a temporary stage, COPY INTO a temporary table, then one MERGE (upsert,
 * never letting an older source version overwrite a newer one) or INSERT, in one transaction.
 * Unified records go to their entity's table (layouts in the SQL connectors' READMEs); any other
 * entity is written field for field into a table created from its records.
 */
@Singleton
@StepType(
    id = "snowflake.write",
    name = "Write to Snowflake",
    group = "Databases",
    timeoutSeconds = 1800,
    description =
        "Writes a dataset to a Snowflake table by staged bulk load: insert, upsert on its key, or replace.")
public final class SnowflakeWrite implements Step<SqlWriteInput, WriteResult> {

  static final int DEFAULT_ROWS_PER_FILE = 100_000;
  private static final String STAGE = "millflow_stage";
  private static final String LINE_STAGE = "millflow_stage_line";

  private final Function<Connection, DataSource> dataSources;
  private final int rowsPerFile;

  @Inject
  public SnowflakeWrite(SnowflakeDataSources dataSources) {
    this(dataSources::dataSource, DEFAULT_ROWS_PER_FILE);
  }

  SnowflakeWrite(Function<Connection, DataSource> dataSources, int rowsPerFile) {
    this.dataSources = dataSources;
    this.rowsPerFile = rowsPerFile;
  }

  @Override
  public WriteResult run(SqlWriteInput input, StepContext context) {
    Connection connection = context.connection(input.connection());
    return SqlWriteRun.run(
        input,
        context,
        () -> SnowflakeSettings.of(connection).schema(),
        (target, progress) -> write(connection, input, target, context, progress),
        (error, activity) -> SnowflakeErrors.translate(error, connection.name(), activity));
  }

  private WriteCounts write(
      Connection connection,
      SqlWriteInput input,
      WriteTarget target,
      StepContext context,
      LongConsumer progress)
      throws SQLException, IOException {
    Path files = Files.createTempDirectory("millflow-snowflake-");
    try (java.sql.Connection session = dataSources.apply(connection).getConnection()) {
      StagedLoad load = new StagedLoad(session);
      load.begin();
      if (target.layout().isPresent()) {
        return writeUnified(load, files, input, target, target.layout().get(), context, progress);
      }
      return writeRows(load, files, input, target, context, progress);
    } finally {
      deleteAll(files);
    }
  }

  private <T extends Record> WriteCounts writeUnified(
      StagedLoad load,
      Path files,
      SqlWriteInput input,
      WriteTarget target,
      EntityLayout<T> layout,
      StepContext context,
      LongConsumer progress)
      throws SQLException, IOException {
    LoadTable<T> table =
        new LoadTable<>(target.table(), layout.columns(), EntityLayout.KEY, true, STAGE, "records");
    Optional<LoadTable<OrderLine>> lines =
        target.isPurchaseOrder()
            ? Optional.of(
                new LoadTable<>(
                    target.table().withSuffix(PurchaseOrderLayout.LINE_TABLE_SUFFIX),
                    PurchaseOrderLayout.LINE_COLUMNS,
                    PurchaseOrderLayout.LINE_KEY,
                    true,
                    LINE_STAGE,
                    "lines"))
            : Optional.empty();
    load.prepare(table);
    if (lines.isPresent()) {
      load.prepare(lines.get());
    }
    long[] position = {0};
    WriteCounts read;
    try (Stream<T> records = context.datasets().read(input.records(), layout.type());
        CsvFiles recordFiles = new CsvFiles(files, "records", rowsPerFile);
        CsvFiles lineFiles = new CsvFiles(files, "lines", rowsPerFile)) {
      read =
          Batches.write(
              records,
              rowsPerFile,
              (batch, offset) -> {
                for (T record : UnifiedBatch.newestPerKey(layout, batch, offset)) {
                  long at = ++position[0];
                  recordFiles.row(load.texts(table, record), at);
                  if (lines.isPresent()) {
                    for (OrderLine line :
                        PurchaseOrderBatch.linesOf(List.of((PurchaseOrder) record))) {
                      lineFiles.row(load.texts(lines.get(), line), at);
                    }
                  }
                }
                return WriteCounts.ofBatch(batch.size(), 0, 0);
              },
              progress);
      recordFiles.close();
      lineFiles.close();
      load.load(table, recordFiles);
      if (lines.isPresent()) {
        load.load(lines.get(), lineFiles);
      }
    }
    Optional<LoadTable<?>> nested = lines.map(LoadTable.class::cast);
    return load.apply(table, nested, target.mode(), read.total());
  }

  private WriteCounts writeRows(
      StagedLoad load,
      Path files,
      SqlWriteInput input,
      WriteTarget target,
      StepContext context,
      LongConsumer progress)
      throws SQLException, IOException {
    JsonRows rows = new JsonRows(target.keyColumns());
    Map<String, ColumnType> types;
    try (Stream<JsonNode> records = context.datasets().read(input.records(), JsonNode.class)) {
      types = rows.columnTypes(records, rowsPerFile);
    }
    List<Column<Map<String, JsonNode>>> columns = new ArrayList<>();
    types.forEach((name, type) -> columns.add(Column.of(name, type, row -> row.get(name))));
    LoadTable<Map<String, JsonNode>> table =
        new LoadTable<>(target.table(), columns, target.keyColumns(), false, STAGE, "records");
    load.prepare(table);
    long[] position = {0};
    WriteCounts read;
    try (Stream<JsonNode> records = context.datasets().read(input.records(), JsonNode.class);
        CsvFiles recordFiles = new CsvFiles(files, "records", rowsPerFile)) {
      read =
          Batches.write(
              records,
              rowsPerFile,
              (batch, offset) -> {
                JsonRows.Batch rowBatch = rows.batch(batch, offset);
                for (Map<String, JsonNode> row : rowBatch.rows()) {
                  recordFiles.row(load.texts(table, row), ++position[0]);
                }
                return WriteCounts.ofBatch(batch.size() - rowBatch.rejected().count(), 0, 0)
                    .withRejected(rowBatch.rejected());
              },
              progress);
      recordFiles.close();
      load.load(table, recordFiles);
    }
    return load.apply(table, Optional.empty(), target.mode(), read.total())
        .withRejected(read.rejected());
  }

  private static void deleteAll(Path directory) throws IOException {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
