package io.millflow.connector.mysql;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.ColumnType;
import io.millflow.connector.sql.EntityLayout;
import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.SqlWriteRun;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteTarget;
import io.millflow.step.Connection;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes a dataset to MySQL (or MariaDB). Unified records go to their entity's table ({@code
 * vendor}, {@code purchase_order} and {@code purchase_order_line}, ...; layouts in README.md) by
 * batched multi-row {@code INSERT ... ON DUPLICATE KEY UPDATE} that never lets an older source
 * version overwrite a newer one; any other entity is written field for field into a table created
 * from its records. The rows are written in one transaction; creating or extending tables happens
 * just before it (MySQL commits DDL on its own). Example input: {@code {"connection": "plant-db",
 * "records": "=orders"}}.
 */
@Singleton
@StepType(
    id = "mysql.write",
    name = "Write to MySQL",
    group = "Databases",
    timeoutSeconds = 900,
    description =
        "Writes a dataset to a MySQL table: insert, upsert on its key, or replace the table's rows.")
public final class MySqlWrite implements Step<SqlWriteInput, WriteResult> {

  static final int DEFAULT_BATCH_SIZE = 5_000;

  private final MySqlDataSources dataSources;
  private final MySqlUnifiedWriter unified;
  private final MySqlRowWriter rows;

  @Inject
  public MySqlWrite(MySqlDataSources dataSources) {
    this(dataSources, DEFAULT_BATCH_SIZE);
  }

  MySqlWrite(MySqlDataSources dataSources, int batchSize) {
    this.dataSources = dataSources;
    this.unified = new MySqlUnifiedWriter(batchSize);
    this.rows = new MySqlRowWriter(batchSize);
  }

  @Override
  public WriteResult run(SqlWriteInput input, StepContext context) {
    Connection connection = context.connection(input.connection());
    Jdbi jdbi = dataSources.jdbi(connection);
    return SqlWriteRun.run(
        input,
        context,
        () -> jdbi.withHandle(handle -> defaultDatabase(handle, input, connection)),
        (target, progress) ->
            jdbi.withHandle(handle -> write(handle, input, target, context, progress)),
        (error, activity) -> MySqlErrors.translate(error, connection.name(), activity));
  }

  private WriteCounts write(
      Handle handle,
      SqlWriteInput input,
      WriteTarget target,
      StepContext context,
      LongConsumer progress)
      throws SQLException {
    TableName table = target.table();
    MySqlTableSchema.lock(handle, table);
    try {
      if (target.layout().isPresent()) {
        return writeUnified(handle, input, target, target.layout().get(), context, progress);
      }
      Map<String, ColumnType> types;
      try (Stream<JsonNode> objects = context.datasets().read(input.records(), JsonNode.class)) {
        types = rows.columnTypes(objects, target.keyColumns());
      }
      Map<String, String> tableTypes =
          MySqlRowWriter.prepareTable(handle, table, types, target.keyColumns());
      try (Stream<JsonNode> objects = context.datasets().read(input.records(), JsonNode.class)) {
        return handle.inTransaction(
            h ->
                rows.write(
                    h, table, tableTypes, target.mode(), target.keyColumns(), objects, progress));
      }
    } finally {
      MySqlTableSchema.unlock(handle, table);
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends Record> WriteCounts writeUnified(
      Handle handle,
      SqlWriteInput input,
      WriteTarget target,
      EntityLayout<T> layout,
      StepContext context,
      LongConsumer progress)
      throws SQLException {
    MySqlNestedRows<T> nested =
        target.isPurchaseOrder()
            ? (MySqlNestedRows<T>) new MySqlOrderLines(target.table())
            : MySqlNestedRows.none();
    MySqlUnifiedWriter.prepareTables(handle, target.table(), layout, nested);
    try (Stream<T> records = context.datasets().read(input.records(), layout.type())) {
      return handle.inTransaction(
          h -> unified.write(h, target.table(), layout, nested, target.mode(), records, progress));
    }
  }

  /**
   * The database unqualified table names go to: the session's current one (from the connection's
   * settings).
   */
  private static String defaultDatabase(Handle handle, SqlWriteInput input, Connection connection) {
    String database =
        handle.createQuery("SELECT DATABASE()").mapTo(String.class).findOne().orElse(null);
    if (database == null && (input.table() == null || !input.table().contains("."))) {
      throw new StepFailure(
          "CONNECTION_INVALID",
          "Connection '"
              + connection.name()
              + "' names no database: set"
              + " its 'database' (or the database in 'jdbcUrl'), or write to a table named database.table.");
    }
    // A database.table input names its own database; the default is then never used.
    return database == null
        ? input.table().substring(0, input.table().indexOf('.')).strip()
        : database;
  }
}
