package io.millflow.connector.postgres;

import io.millflow.connector.sql.testing.SqlWriteFixture;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * A write fixture on the embedded PostgreSQL: a fresh schema per test, arranged as the writer role
 * or superuser.
 */
final class WriteFixture extends SqlWriteFixture {

  static final String CONNECTION = "warehouse";

  private final TestDatabase database;

  WriteFixture(TestDatabase database, PostgresDataSources dataSources, int batchSize) {
    this(database, database.createSchema(), dataSources, batchSize);
  }

  private WriteFixture(
      TestDatabase database, String schema, PostgresDataSources dataSources, int batchSize) {
    super(
        schema, database.connection(CONNECTION, schema), new PostgresWrite(dataSources, batchSize));
    this.database = database;
  }

  /** Runs statements as the writer role (so it owns what they create), in the test's schema. */
  @Override
  public void execute(String sql) {
    database
        .admin()
        .useHandle(
            handle -> {
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
    return database
        .admin()
        .withHandle(handle -> inSchema(handle).createQuery(sql).mapToMap().list());
  }

  /** The columns of a table in this schema as "name type", in table order. */
  @Override
  public List<String> columns(String table) {
    return database
        .admin()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                            + " WHERE table_schema = :schema AND table_name = :table ORDER BY ordinal_position")
                    .bind("schema", schema())
                    .bind("table", table)
                    .mapTo(String.class)
                    .list());
  }

  /** The primary key columns of a table in this schema, comma-separated in key order. */
  String primaryKey(String table) {
    return database
        .admin()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM pg_index i"
                            + " CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)"
                            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
                            + " WHERE i.indisprimary AND i.indrelid = to_regclass(:table)")
                    .bind("table", schema() + "." + table)
                    .mapTo(String.class)
                    .one());
  }

  private Handle inSchema(Handle handle) {
    handle.execute("SET search_path TO " + schema());
    return handle;
  }
}
