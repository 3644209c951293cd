package io.millflow.connector.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.WriteTarget;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a dataset to PostgreSQL in one transaction. Unified purchase orders go to {@code purchase_order} and
 * {@code purchase_order_line} (layout in README.md) by COPY into staging tables and a set-based upsert that never lets
 * an older source version overwrite a newer one; any other entity is written field for field into a table created
 * from its records. Example input: {@code {"connection": "warehouse", "records": "=orders"}}.
 */
@Singleton
@StepType(id = "postgres.write", name = "Write to PostgreSQL", group = "Databases", timeoutSeconds = 900,
    description = "Writes a dataset to a PostgreSQL table: insert, upsert on its key, or replace the table's rows.")
public final class PostgresWrite implements Step<PostgresWrite.Input, WriteResult> {

  static final int DEFAULT_BATCH_SIZE = 5_000;

  public record Input(
      @Param(label = "Connection", description = "A PostgreSQL connection") @NotBlank String connection,
      @Param(label = "Table", description = "table or schema.table; empty: named after the records' entity")
      @Pattern(regexp = TableName.PATTERN, message = "must be table or schema.table (letters, digits, underscores)")
      String table,
      @Param(label = "Mode", defaultValue = "upsert") WriteMode mode,
      @Param(label = "Key fields", description = "Comma-separated fields identifying a record; empty: the entity's key")
      @Pattern(regexp = WriteTarget.KEY_FIELDS, message = "must be comma-separated field names") String keyFields,
      @Param(label = "Records", description = "The dataset to write, e.g. =orders")
      @NotNull @Valid DatasetRef records) {}

  private final PostgresDataSources dataSources;
  private final PurchaseOrderWriter purchaseOrders;
  private final RowWriter rows;

  @Inject
  public PostgresWrite(PostgresDataSources dataSources) {
    this(dataSources, DEFAULT_BATCH_SIZE);
  }

  PostgresWrite(PostgresDataSources dataSources, int batchSize) {
    this.dataSources = dataSources;
    this.purchaseOrders = new PurchaseOrderWriter(batchSize);
    this.rows = new RowWriter(batchSize);
  }

  @Override
  public WriteResult run(Input input, StepContext context) {
    Instant start = context.clock().instant();
    Connection connection = context.connection(input.connection());
    WriteTarget target = WriteTarget.of(input.table(), input.mode(), input.keyFields(), input.records().entity(),
        PostgresDataSources.schema(connection));
    WriteCounts counts = write(input.records(), target, dataSources.jdbi(connection), connection, context);
    long millis = Duration.between(start, context.clock().instant()).toMillis();
    context.log().info("Wrote " + counts.total() + " " + input.records().entity() + " records to " + target.table()
        + " (" + target.mode().name().toLowerCase(Locale.ROOT) + "): " + counts.inserted() + " inserted, "
        + counts.updated() + " updated, " + counts.unchanged() + " unchanged, in " + millis + " ms");
    return new WriteResult(target.table().toString(), counts.inserted(), counts.updated(), counts.unchanged(), millis);
  }

  private WriteCounts write(DatasetRef records, WriteTarget target, Jdbi jdbi, Connection connection,
      StepContext context) {
    LongConsumer progress = done -> context.progress(done, records.count());
    try {
      if (target.isPurchaseOrder()) {
        try (Stream<PurchaseOrder> orders = context.datasets().read(records, PurchaseOrder.class)) {
          return jdbi.inTransaction(handle -> purchaseOrders.write(handle, target.table(), target.mode(), orders,
              progress));
        }
      }
      try (Stream<JsonNode> objects = context.datasets().read(records, JsonNode.class)) {
        return jdbi.inTransaction(handle -> rows.write(handle, target.table(), target.mode(), target.keyColumns(),
            objects, progress));
      }
    } catch (StepException e) {
      throw e;
    } catch (UncheckedIOException e) {
      throw unreadable(e, records);
    } catch (Exception e) {
      throw PostgresErrors.translate(e, connection.name(), "writing " + target.table());
    }
  }

  private static RuntimeException unreadable(UncheckedIOException e, DatasetRef records) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return new StepFailure("INVALID_RECORD", "A record of dataset " + records.dataset() + " cannot be read as "
          + records.entity() + ": " + json.getOriginalMessage() + ". Fix the step that produced it.", e);
    }
    return e;
  }
}
