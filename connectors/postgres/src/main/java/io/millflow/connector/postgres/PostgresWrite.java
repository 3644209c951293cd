package io.millflow.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.SqlWriteRun;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteTarget;
import io.millflow.step.Connection;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a dataset to PostgreSQL in one transaction. Unified records go to their entity's table
 * ({@code vendor}, {@code purchase_order} and {@code purchase_order_line}, ...; layouts in
 * README.md) by COPY into a staging table and a set-based upsert that never lets an older source
 * version overwrite a newer one; any other entity is written field for field into a table created
 * from its records. Example input: {@code {"connection": "warehouse", "records": "=orders"}}.
 */
@Singleton
@StepType(
    id = "postgres.write",
    name = "Write to PostgreSQL",
    group = "Databases",
    timeoutSeconds = 900,
    description =
        "Writes a dataset to a PostgreSQL table: insert, upsert on its key, or replace the table's rows.")
public final class PostgresWrite implements Step<SqlWriteInput, WriteResult> {

  static final int DEFAULT_BATCH_SIZE = 5_000;

  /**
   * Records parsed ahead per chunk: enough to keep the reader busy during a COPY, few enough to die
   * young.
   */
  private static final int READ_AHEAD = 1_000;

  private final PostgresDataSources dataSources;
  private final UnifiedWriter unified;
  private final RowWriter rows;
  private final int batchSize;

  @Inject
  public PostgresWrite(PostgresDataSources dataSources) {
    this(dataSources, DEFAULT_BATCH_SIZE);
  }

  PostgresWrite(PostgresDataSources dataSources, int batchSize) {
    this.dataSources = dataSources;
    this.unified = new UnifiedWriter(batchSize);
    this.rows = new RowWriter(batchSize);
    this.batchSize = batchSize;
  }

  @Override
  public WriteResult run(SqlWriteInput input, StepContext context) {
    Connection connection = context.connection(input.connection());
    return SqlWriteRun.run(
        input,
        context,
        () -> PostgresDataSources.schema(connection),
        (target, progress) -> write(input, target, dataSources.jdbi(connection), context, progress),
        (error, activity) -> PostgresErrors.translate(error, connection.name(), activity));
  }

  private WriteCounts write(
      SqlWriteInput input,
      WriteTarget target,
      Jdbi jdbi,
      StepContext context,
      LongConsumer progress)
      throws SQLException {
    if (target.layout().isPresent()) {
      return writeUnified(input, target, target.layout().get(), jdbi, context, progress);
    }
    try (Stream<JsonNode> objects = context.datasets().read(input.records(), JsonNode.class)) {
      return jdbi.inTransaction(
          handle ->
              rows.write(
                  handle, target.table(), target.mode(), target.keyColumns(), objects, progress));
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends Record> WriteCounts writeUnified(
      SqlWriteInput input,
      WriteTarget target,
      EntityLayout<T> layout,
      Jdbi jdbi,
      StepContext context,
      LongConsumer progress)
      throws SQLException {
    NestedRows<T> nested =
        target.isPurchaseOrder()
            ? (NestedRows<T>) new OrderLines(target.table())
            : NestedRows.none();
    try (Stream<T> records = context.datasets().read(input.records(), layout.type());
        ReadAhead<T> ahead = ReadAhead.start(records, Math.min(batchSize, READ_AHEAD))) {
      return jdbi.inTransaction(
          handle ->
              unified.write(
                  handle,
                  target.table(),
                  layout,
                  nested,
                  target.mode(),
                  ahead.records(),
                  progress));
    }
  }
}
