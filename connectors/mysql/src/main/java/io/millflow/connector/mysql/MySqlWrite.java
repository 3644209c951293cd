package io.millflow.connector.mysql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.ColumnType;
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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

/**
 * Writes a dataset to MySQL (or MariaDB). Unified purchase orders go to {@code purchase_order} and
 * {@code purchase_order_line} (layout in README.md) by batched multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE}
 * that never lets an older source version overwrite a newer one; any other entity is written field for field into a
 * table created from its records. The rows are written in one transaction; creating or extending tables happens just
 * before it (MySQL commits DDL on its own). Example input: {@code {"connection": "plant-db", "records": "=orders"}}.
 */
@Singleton
@StepType(id = "mysql.write", name = "Write to MySQL", group = "Databases", timeoutSeconds = 900,
    description = "Writes a dataset to a MySQL table: insert, upsert on its key, or replace the table's rows.")
public final class MySqlWrite implements Step<MySqlWrite.Input, WriteResult> {

  static final int DEFAULT_BATCH_SIZE = 5_000;

  public record Input(
      @Param(label = "Connection", description = "A MySQL connection") @NotBlank String connection,
      @Param(label = "Table", description = "table or database.table; empty: named after the records' entity")
      @Pattern(regexp = TableName.PATTERN, message = "must be table or database.table (letters, digits, underscores)")
      String table,
      @Param(label = "Mode", defaultValue = "upsert") WriteMode mode,
      @Param(label = "Key fields", description = "Comma-separated fields identifying a record; empty: the entity's key")
      @Pattern(regexp = WriteTarget.KEY_FIELDS, message = "must be comma-separated field names") String keyFields,
      @Param(label = "Records", description = "The dataset to write, e.g. =orders")
      @NotNull @Valid DatasetRef records) {}

  private final MySqlDataSources dataSources;
  private final MySqlPurchaseOrderWriter purchaseOrders;
  private final MySqlRowWriter rows;

  @Inject
  public MySqlWrite(MySqlDataSources dataSources) {
    this(dataSources, DEFAULT_BATCH_SIZE);
  }

  MySqlWrite(MySqlDataSources dataSources, int batchSize) {
    this.dataSources = dataSources;
    this.purchaseOrders = new MySqlPurchaseOrderWriter(batchSize);
    this.rows = new MySqlRowWriter(batchSize);
  }

  @Override
  public WriteResult run(Input input, StepContext context) {
    Instant start = context.clock().instant();
    Connection connection = context.connection(input.connection());
    String activity = "writing " + (input.table() == null ? input.records().entity() : input.table());
    try {
      return dataSources.jdbi(connection).withHandle(handle -> {
        WriteTarget target = WriteTarget.of(input.table(), input.mode(), input.keyFields(),
            input.records().entity(), defaultDatabase(handle, input, connection));
        WriteCounts counts = write(handle, input.records(), target, context);
        long millis = Duration.between(start, context.clock().instant()).toMillis();
        context.log().info("Wrote " + counts.total() + " " + input.records().entity() + " records to "
            + target.table() + " (" + target.mode().name().toLowerCase(Locale.ROOT) + "): " + counts.inserted()
            + " inserted, " + counts.updated() + " updated, " + counts.unchanged() + " unchanged, in " + millis
            + " ms");
        return new WriteResult(target.table().toString(), counts.inserted(), counts.updated(), counts.unchanged(),
            millis);
      });
    } catch (StepException e) {
      throw e;
    } catch (UncheckedIOException e) {
      throw unreadable(e, input.records());
    } catch (Exception e) {
      throw MySqlErrors.translate(e, connection.name(), activity);
    }
  }

  private WriteCounts write(Handle handle, DatasetRef records, WriteTarget target, StepContext context)
      throws SQLException {
    LongConsumer progress = done -> context.progress(done, records.count());
    TableName table = target.table();
    MySqlTableSchema.lock(handle, table);
    try {
      if (target.isPurchaseOrder()) {
        MySqlPurchaseOrderWriter.prepareTables(handle, table);
        try (Stream<PurchaseOrder> orders = context.datasets().read(records, PurchaseOrder.class)) {
          return handle.inTransaction(h -> purchaseOrders.write(h, table, target.mode(), orders, progress));
        }
      }
      Map<String, ColumnType> types;
      try (Stream<JsonNode> objects = context.datasets().read(records, JsonNode.class)) {
        types = rows.columnTypes(objects, target.keyColumns());
      }
      Map<String, String> tableTypes = MySqlRowWriter.prepareTable(handle, table, types, target.keyColumns());
      try (Stream<JsonNode> objects = context.datasets().read(records, JsonNode.class)) {
        return handle.inTransaction(h -> rows.write(h, table, tableTypes, target.mode(), target.keyColumns(),
            objects, progress));
      }
    } finally {
      MySqlTableSchema.unlock(handle, table);
    }
  }

  /** The database unqualified table names go to: the session's current one (from the connection's settings). */
  private static String defaultDatabase(Handle handle, Input input, Connection connection) {
    String database = handle.createQuery("SELECT DATABASE()").mapTo(String.class).findOne().orElse(null);
    if (database == null && (input.table() == null || !input.table().contains("."))) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' names no database: set"
          + " its 'database' (or the database in 'jdbcUrl'), or write to a table named database.table.");
    }
    // A database.table input names its own database; the default is then never used.
    return database == null ? input.table().substring(0, input.table().indexOf('.')).strip() : database;
  }

  private static RuntimeException unreadable(UncheckedIOException e, DatasetRef records) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return new StepFailure("INVALID_RECORD", "A record of dataset " + records.dataset() + " cannot be read as "
          + records.entity() + ": " + json.getOriginalMessage() + ". Fix the step that produced it.", e);
    }
    return e;
  }
}
