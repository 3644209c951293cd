package io.millflow.connector.snowflake;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.step.Connection;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Connection pools of Snowflake connections ({@code type: snowflake}), one per distinct connection configuration, kept
 * and closed as {@link ConnectionPools} describes; settings and credentials as {@link SnowflakeSettings} reads them.
 */
@Singleton
public final class SnowflakeDataSources implements AutoCloseable {

  public static final String TYPE = "snowflake";

  private final ConnectionPools pools = new ConnectionPools(Clock.systemUTC(), ConnectionPools.DEFAULT_IDLE_EVICTION,
      connection -> SnowflakeSettings.of(connection).hikariConfig(connection),
      (error, connection) -> SnowflakeErrors.translate(error, connection.name(), "connecting"));

  /** The pooled data source of a connection, opened (and tested with one connection) on first use. */
  public DataSource dataSource(Connection connection) {
    return pools.dataSource(connection);
  }

  /** A Jdbi over {@link #dataSource}. */
  public Jdbi jdbi(Connection connection) {
    return pools.jdbi(connection);
  }

  @Override
  @PreDestroy
  public void close() {
    pools.close();
  }
}
