package io.millflow.connector.mysql;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Connection pools of MySQL connections ({@code type: mysql}), one per distinct connection configuration, kept and
 * closed as {@link ConnectionPools} describes.
 *
 * <p>Settings: {@code jdbcUrl} ({@code jdbc:mysql://...}) or {@code host}, {@code port} (3306) and {@code database};
 * {@code poolSize} (5); {@code sslMode} and other TLS options (README.md). Credentials: {@code username},
 * {@code password}. Every pool rewrites batched inserts into multi-row ones and runs its sessions in UTC.
 */
@Singleton
public final class MySqlDataSources implements AutoCloseable {

  public static final String TYPE = "mysql";

  private final ConnectionPools pools = new ConnectionPools(Clock.systemUTC(), ConnectionPools.DEFAULT_IDLE_EVICTION,
      connection -> MySqlSettings.of(connection).hikariConfig(connection),
      (error, connection) -> MySqlErrors.translate(error, connection.name(), "connecting"));

  /**
   * The pooled data source of a connection, opened (and tested with one connection) on first use.
   *
   * @throws StepFailure {@code CONNECTION_INVALID} for a connection of another type or with unusable settings
   * @throws io.millflow.step.ReauthRequiredException when MySQL rejects the user name or password
   * @throws io.millflow.step.RetryableStepException when MySQL cannot be reached
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
}
