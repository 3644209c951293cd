package io.millflow.connector.mysql;

import io.millflow.connector.sql.testing.SqlWriteFixture;
import java.util.List;
import java.util.Map;

/** A write fixture on the embedded MariaDB: a fresh database per test, arranged as root. */
final class WriteFixture extends SqlWriteFixture {

  static final String CONNECTION = "plant-db";

  private final TestDatabase database;

  WriteFixture(TestDatabase database, MySqlDataSources dataSources, int batchSize) {
    this(database, database.createDatabase(), dataSources, batchSize);
  }

  private WriteFixture(
      TestDatabase database, String name, MySqlDataSources dataSources, int batchSize) {
    super(name, database.connection(CONNECTION, name), new MySqlWrite(dataSources, batchSize));
    this.database = database;
  }

  String database() {
    return schema();
  }

  /** Runs a statement as root in this test's database. */
  @Override
  public void execute(String sql) {
    database
        .admin()
        .useHandle(
            handle -> {
              handle.execute("USE " + schema());
              handle.execute(sql);
            });
  }

  @Override
  public List<Map<String, Object>> rows(String sql) {
    return database
        .admin()
        .withHandle(
            handle -> {
              handle.execute("USE " + schema());
              return handle.createQuery(sql).mapToMap().list();
            });
  }

  /** The columns of a table in this database as "name type", in table order. */
  @Override
  public List<String> columns(String table) {
    return database
        .admin()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT CONCAT(column_name, ' ', column_type) FROM information_schema.columns"
                            + " WHERE table_schema = :schema AND table_name = :table ORDER BY ordinal_position")
                    .bind("schema", schema())
                    .bind("table", table)
                    .mapTo(String.class)
                    .list());
  }
}
