package io.millflow.connector.mysql;

import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.testing.UnifiedWriteContract;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.DatasetRef;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.util.List;
import java.util.Map;

/** One test's view of a write: a fresh database, a step context with its connection, queries of what was written. */
final class WriteFixture implements UnifiedWriteContract.Sink {

  static final String CONNECTION = "plant-db";

  private final TestDatabase database;
  private final String name;
  private final TestStepContext context;
  private final MySqlWrite step;

  WriteFixture(TestDatabase database, MySqlDataSources dataSources, int batchSize) {
    this.database = database;
    this.name = database.createDatabase();
    this.context = new TestStepContext().withConnection(database.connection(CONNECTION, name));
    this.step = new MySqlWrite(dataSources, batchSize);
  }

  String database() {
    return name;
  }

  @Override
  public String schema() {
    return name;
  }

  TestStepContext context() {
    return context;
  }

  @Override
  public WriteResult write(String entity, List<?> records) {
    return write(null, null, null, entity, records);
  }

  WriteResult writeOrders(List<PurchaseOrder> orders) {
    return write(null, null, null, PurchaseOrder.ENTITY, orders);
  }

  WriteResult write(String table, WriteMode mode, String keyFields, String entity, List<?> records) {
    DatasetRef ref = context.datasets().put(entity, records);
    return step.run(new SqlWriteInput(CONNECTION, table, mode, keyFields, ref), context);
  }

  /** Runs a statement as root in this test's database. */
  @Override
  public void execute(String sql) {
    database.admin().useHandle(handle -> {
      handle.execute("USE " + name);
      handle.execute(sql);
    });
  }

  @Override
  public List<Map<String, Object>> rows(String sql) {
    return database.admin().withHandle(handle -> {
      handle.execute("USE " + name);
      return handle.createQuery(sql).mapToMap().list();
    });
  }

  Map<String, Object> row(String sql) {
    List<Map<String, Object>> rows = rows(sql);
    if (rows.size() != 1) {
      throw new AssertionError("Expected one row from " + sql + " but got " + rows);
    }
    return rows.get(0);
  }

  long count(String table) {
    return ((Number) row("SELECT COUNT(*) AS n FROM " + table).get("n")).longValue();
  }

  /** The columns of a table in this database as "name type", in table order. */
  @Override
  public List<String> columns(String table) {
    return database.admin().withHandle(handle -> handle.createQuery(
        "SELECT CONCAT(column_name, ' ', column_type) FROM information_schema.columns"
            + " WHERE table_schema = :schema AND table_name = :table ORDER BY ordinal_position")
        .bind("schema", name).bind("table", table).mapTo(String.class).list());
  }
}
