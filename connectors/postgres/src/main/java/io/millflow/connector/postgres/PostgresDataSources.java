package io.millflow.connector.postgres;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.connector.sql.SqlDataSources;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionSockets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Connection pools of PostgreSQL connections ({@code type: postgres}), one per distinct connection
 * configuration. A pool is reused while the connection's settings and credentials stay the same; a
 * changed connection gets a new pool, and a pool nobody asked for during {@link
 * #DEFAULT_IDLE_EVICTION} (with no connection in use) is closed.
 *
 * <p>Settings and credentials: {@link PostgresConnection}. Every socket of a tenant's connection is
 * checked where it connects ({@link ConnectionSockets}).
 */
@Singleton
public final class PostgresDataSources extends SqlDataSources {

  public static final String TYPE = "postgres";
  static final Duration DEFAULT_IDLE_EVICTION = ConnectionPools.DEFAULT_IDLE_EVICTION;

  @Inject
  public PostgresDataSources(ConnectionSockets sockets) {
    this(Clock.systemUTC(), DEFAULT_IDLE_EVICTION, sockets);
  }

  /** No socket checked: for tests and benchmarks apart from a runtime. */
  public PostgresDataSources() {
    this(Clock.systemUTC(), DEFAULT_IDLE_EVICTION, ConnectionSockets.unchecked());
  }

  PostgresDataSources(Clock clock, Duration idleEviction) {
    this(clock, idleEviction, ConnectionSockets.unchecked());
  }

  PostgresDataSources(Clock clock, Duration idleEviction, ConnectionSockets sockets) {
    super(
        new ConnectionPools(
            clock,
            idleEviction,
            connection -> PostgresSettings.hikariConfig(connection, sockets),
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
