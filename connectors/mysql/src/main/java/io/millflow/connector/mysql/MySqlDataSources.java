package io.millflow.connector.mysql;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.connector.sql.SqlDataSources;
import io.millflow.step.ConnectionSockets;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Connection pools of MySQL connections ({@code type: mysql}).
 *
 * <p>Settings: {@code jdbcUrl} ({@code jdbc:mysql://...}) or {@code host}, {@code port} (3306) and
 * {@code database}; {@code poolSize} (5); {@code sslMode} and other TLS options (README.md).
 * Credentials: {@code username}, {@code password}. Every pool rewrites batched inserts into
 * multi-row ones and runs its sessions in UTC. Every socket of a tenant's connection is checked
 * where it connects ({@link ConnectionSockets}).
 */
@Singleton
public final class MySqlDataSources extends SqlDataSources {

  public static final String TYPE = "mysql";

  /** No socket checked: for tests and benchmarks apart from a runtime. */
  public MySqlDataSources() {
    this(ConnectionSockets.unchecked());
  }

  @Inject
  public MySqlDataSources(ConnectionSockets sockets) {
    super(
        new ConnectionPools(
            Clock.systemUTC(),
            ConnectionPools.DEFAULT_IDLE_EVICTION,
            connection -> MySqlSettings.hikariConfig(connection, sockets),
            (error, connection) -> MySqlErrors.translate(error, connection.name(), "connecting")));
  }
}
