package io.millflow.connector.sql.testing;

import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.WriteMode;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.Step;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.util.List;
import java.util.Map;

/**
 * One test's view of a SQL sink's write: a fresh schema (MySQL: database), a step context with the
 * connection to it, and queries of what was written. Each sink's module says how it reaches its
 * database as an administrator.
 */
public abstract class SqlWriteFixture implements UnifiedWriteContract.Sink {

  private final String connectionName;
  private final String schema;
  private final TestStepContext context;
  private final Step<SqlWriteInput, WriteResult> step;

  protected SqlWriteFixture(
      String schema, Connection connection, Step<SqlWriteInput, WriteResult> step) {
    this.connectionName = connection.name();
    this.schema = schema;
    this.context = new TestStepContext().withConnection(connection);
    this.step = step;
  }

  @Override
  public String schema() {
    return schema;
  }

  public TestStepContext context() {
    return context;
  }

  @Override
  public WriteResult write(String entity, List<?> records) {
    return write(null, null, null, entity, records);
  }

  public WriteResult writeOrders(List<PurchaseOrder> orders) {
    return write(null, null, null, PurchaseOrder.ENTITY, orders);
  }

  public WriteResult writeOrders(WriteMode mode, List<PurchaseOrder> orders) {
    return write(null, mode, null, PurchaseOrder.ENTITY, orders);
  }

  public WriteResult write(
      String table, WriteMode mode, String keyFields, String entity, List<?> records) {
    DatasetRef ref = context.datasets().put(entity, records);
    return step.run(new SqlWriteInput(connectionName, table, mode, keyFields, ref), context);
  }

  public Map<String, Object> row(String sql) {
    List<Map<String, Object>> rows = rows(sql);
    if (rows.size() != 1) {
      throw new AssertionError("Expected one row from " + sql + " but got " + rows);
    }
    return rows.get(0);
  }

  public long count(String table) {
    return ((Number) row("SELECT COUNT(*) AS n FROM " + table).get("n")).longValue();
  }
}
