package io.millflow.connector.postgres;

import io.millflow.connector.sql.SqlDialect;
import io.millflow.connector.sql.testing.SqlWriteDatabase;

/**
 * An embedded PostgreSQL for one test class, and the data sources the write step reaches it
 * through.
 */
final class PostgresWriteDatabase extends SqlWriteDatabase<WriteFixture> {

  private TestDatabase database;
  private PostgresDataSources dataSources;

  PostgresWriteDatabase() {
    super(SqlDialect.POSTGRES);
  }

  TestDatabase database() {
    return database;
  }

  @Override
  protected void start() {
    database = TestDatabase.start();
    dataSources = new PostgresDataSources();
  }

  @Override
  protected void stop() throws Exception {
    dataSources.close();
    database.close();
  }

  @Override
  public WriteFixture newFixture(int batchSize) {
    return new WriteFixture(database, dataSources, batchSize);
  }
}
