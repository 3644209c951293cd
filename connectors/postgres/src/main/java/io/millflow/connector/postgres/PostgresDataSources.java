package io.millflow.connector.postgres;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.connector.sql.SqlDataSources;
import io.millflow.step.Connection;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Connection pools of PostgreSQL connections ({@code type: postgres}), one per distinct connection
 * configuration. A pool is reused while the connection's settings and credentials stay the same; a
 * changed connection gets a new pool, and a pool nobody asked for during {@link
 * #DEFAULT_IDLE_EVICTION} (with no connection in use) is closed.
 *
 * <p>Settings and credentials: {@link PostgresConnection}.
 */
@Singleton
public final class PostgresDataSources extends SqlDataSources {

  public static final String TYPE = "postgres";
  static final Duration DEFAULT_IDLE_EVICTION = ConnectionPools.DEFAULT_IDLE_EVICTION;

  public PostgresDataSources() {
    this(Clock.systemUTC(), DEFAULT_IDLE_EVICTION);
  }

  PostgresDataSources(Clock clock, Duration idleEviction) {
    super(
        new ConnectionPools(
            clock,
            idleEviction,
            PostgresSettings::hikariConfig,
            (error, connection) ->
                PostgresErrors.translate(error, connection.name(), "connecting")));
  }

  /** The schema unqualified table names go to: the {@code schema} setting, or {@code public}. */
  public static String schema(Connection connection) {
    return PostgresSettings.of(connection).schema();
  }

  /** Visible to this package's tests. */
  @Override
  protected int openPools() {
    return super.openPools();
  }
}
