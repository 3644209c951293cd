package io.millflow.connector.postgres;

import io.millflow.connector.sql.SqlWriteInput;
import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.testing.UnifiedWriteContract;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.DatasetRef;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** One test's view of a write: a fresh schema, a step context with the connection, and queries of what was written. */
final class WriteFixture implements UnifiedWriteContract.Sink {

  static final String CONNECTION = "warehouse";

  private final TestDatabase database;
  private final String schema;
  private final TestStepContext context;
  private final PostgresWrite step;

  WriteFixture(TestDatabase database, PostgresDataSources dataSources, int batchSize) {
    this.database = database;
    this.schema = database.createSchema();
    this.context = new TestStepContext().withConnection(database.connection(CONNECTION, schema));
    this.step = new PostgresWrite(dataSources, batchSize);
  }

  @Override
  public String schema() {
    return schema;
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

  /** Runs statements as the writer role (so it owns what they create), in the test's schema. */
  @Override
  public void execute(String sql) {
    database.admin().useHandle(handle -> {
      inSchema(handle).execute("SET ROLE " + TestDatabase.WRITER);
      handle.execute(sql);
    });
  }

  /** Runs statements as the superuser, in the test's schema. */
  void executeAsSuperuser(String sql) {
    database.admin().useHandle(handle -> inSchema(handle).execute(sql));
  }

  @Override
  public List<Map<String, Object>> rows(String sql) {
    return database.admin().withHandle(handle -> inSchema(handle).createQuery(sql).mapToMap().list());
  }

  Map<String, Object> row(String sql) {
    List<Map<String, Object>> rows = rows(sql);
    if (rows.size() != 1) {
      throw new AssertionError("Expected one row from " + sql + " but got " + rows);
    }
    return rows.get(0);
  }

  long count(String table) {
    return (Long) row("SELECT count(*) AS n FROM " + table).get("n");
  }

  /** The columns of a table in this schema as "name type", in table order. */
  @Override
  public List<String> columns(String table) {
    return database.admin().withHandle(handle -> handle.createQuery(
        "SELECT column_name || ' ' || data_type FROM information_schema.columns"
            + " WHERE table_schema = :schema AND table_name = :table ORDER BY ordinal_position")
        .bind("schema", schema).bind("table", table).mapTo(String.class).list());
  }

  /** The primary key columns of a table in this schema, comma-separated in key order. */
  String primaryKey(String table) {
    return database.admin().withHandle(handle -> handle.createQuery(
        "SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index i"
            + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indisprimary AND i.indrelid = to_regclass(:table)")
        .bind("table", schema + "." + table).mapTo(String.class).one());
  }

  private Handle inSchema(Handle handle) {
    handle.execute("SET search_path TO " + schema);
    return handle;
  }
}
