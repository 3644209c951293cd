package io.millflow.connector.sql.testing;

/**
 * A test of a SQL sink's write step against its real database: the subclass registers the sink's
 * {@link SqlWriteDatabase} as a static {@code @RegisterExtension} field and hands it over here.
 */
public abstract class SqlWriteTest<F extends SqlWriteFixture> {

  /** The sink's database, with this test's fresh fixture. */
  protected abstract SqlWriteDatabase<F> database();

  /** This test's fixture, on a fresh schema (MySQL: database). */
  protected F fixture() {
    return database().fixture();
  }
}
