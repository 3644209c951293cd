package io.millflow.connector.postgres;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Connection pools of PostgreSQL connections ({@code type: postgres}), one per distinct connection configuration. A
 * pool is reused while the connection's settings and credentials stay the same; a changed connection gets a new pool,
 * and a pool nobody asked for during {@link #DEFAULT_IDLE_EVICTION} (with no connection in use) is closed.
 *
 * <p>Settings: {@code jdbcUrl} ({@code jdbc:postgresql://...}) or {@code host}, {@code port} (5432) and
 * {@code database}; {@code schema} (public); {@code poolSize} (5). Credentials: {@code username}, {@code password}.
 */
@Singleton
public final class PostgresDataSources implements AutoCloseable {

  public static final String TYPE = "postgres";
  static final Duration DEFAULT_IDLE_EVICTION = ConnectionPools.DEFAULT_IDLE_EVICTION;

  private final ConnectionPools pools;

  public PostgresDataSources() {
    this(Clock.systemUTC(), DEFAULT_IDLE_EVICTION);
  }

  PostgresDataSources(Clock clock, Duration idleEviction) {
    this.pools = new ConnectionPools(clock, idleEviction,
        connection -> PostgresSettings.of(connection).hikariConfig(connection),
        (error, connection) -> PostgresErrors.translate(error, connection.name(), "connecting"));
  }

  /**
   * The pooled data source of a connection, opened (and tested with one connection) on first use.
   *
   * @throws StepFailure {@code CONNECTION_INVALID} for a connection of another type or with unusable settings
   * @throws io.millflow.step.ReauthRequiredException when PostgreSQL rejects the user name or password
   * @throws io.millflow.step.RetryableStepException when PostgreSQL cannot be reached
   */
  public DataSource dataSource(Connection connection) {
    return pools.dataSource(connection);
  }

  /** A Jdbi over {@link #dataSource}; same failures. */
  public Jdbi jdbi(Connection connection) {
    return pools.jdbi(connection);
  }

  /** The schema unqualified table names go to: the {@code schema} setting, or {@code public}. */
  public static String schema(Connection connection) {
    return PostgresSettings.of(connection).schema();
  }

  @Override
  @PreDestroy
  public void close() {
    pools.close();
  }

  /** The pools currently open, for tests. */
  int openPools() {
    return pools.openPools();
  }
}
