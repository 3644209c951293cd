package io.millflow.connector.mysql;

import io.millflow.connector.sql.SqlDialect;
import io.millflow.connector.sql.testing.SqlWriteDatabase;

/**
 * The shared embedded MariaDB (it outlives the test class), and this class's data sources to it.
 */
final class MySqlWriteDatabase extends SqlWriteDatabase<WriteFixture> {

  private TestDatabase database;
  private MySqlDataSources dataSources;

  MySqlWriteDatabase() {
    super(SqlDialect.MYSQL);
  }

  @Override
  protected void start() {
    database = TestDatabase.shared();
    dataSources = new MySqlDataSources();
  }

  @Override
  protected void stop() {
    dataSources.close();
  }

  @Override
  public WriteFixture newFixture(int batchSize) {
    return new WriteFixture(database, dataSources, batchSize);
  }
}
