package io.millflow.connector.sql.testing;

import io.millflow.connector.sql.SqlDialect;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sink's database for one test class, with a fresh write fixture (batches of {@value
 * #BATCH_SIZE}) on it before each test. A test class registers it as a static
 * {@code @RegisterExtension} field; each sink's module says how its database starts and stops.
 */
public abstract class SqlWriteDatabase<F extends SqlWriteFixture>
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

  /** Small, so a test's few records already span several batches. */
  public static final int BATCH_SIZE = 2;

  private final SqlDialect dialect;
  private F fixture;

  protected SqlWriteDatabase(SqlDialect dialect) {
    this.dialect = dialect;
  }

  /** How the database quotes names, for the scenarios' own SQL. */
  public SqlDialect dialect() {
    return dialect;
  }

  protected abstract void start();

  protected abstract void stop() throws Exception;

  /** A write fixture on a fresh schema (MySQL: database). */
  public abstract F newFixture(int batchSize);

  /** This test's fixture. */
  public F fixture() {
    return fixture;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    fixture = newFixture(BATCH_SIZE);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }
}
