package io.millflow.connector.sql;

import io.millflow.step.Connection;
import jakarta.annotation.PreDestroy;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The pooled data sources of one SQL connection type, one pool per distinct connection
 * configuration, kept and closed as {@link ConnectionPools} describes. Each connector's subclass is
 * the CDI bean its steps inject.
 */
public abstract class SqlDataSources implements AutoCloseable {

  private final ConnectionPools pools;

  protected SqlDataSources(ConnectionPools pools) {
    this.pools = pools;
  }

  /**
   * The pooled data source of a connection, opened (and tested with one connection) on first use.
   *
   * @throws io.millflow.step.StepFailure {@code CONNECTION_INVALID} for a connection of another
   *     type or with unusable settings
   * @throws io.millflow.step.ReauthRequiredException when the database rejects the credentials
   * @throws io.millflow.step.RetryableStepException when the database cannot be reached
   */
  public DataSource dataSource(Connection connection) {
    return pools.dataSource(connection);
  }

  /** A Jdbi over {@link #dataSource}; same failures. */
  public Jdbi jdbi(Connection connection) {
    return pools.jdbi(connection);
  }

  @Override
  @PreDestroy
  public void close() {
    pools.close();
  }

  /** The pools currently open, for tests. */
  protected int openPools() {
    return pools.openPools();
  }
}
