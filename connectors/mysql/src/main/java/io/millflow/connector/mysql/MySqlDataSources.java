package io.millflow.connector.mysql;

import io.millflow.connector.sql.ConnectionPools;
import io.millflow.connector.sql.SqlDataSources;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Connection pools of MySQL connections ({@code type: mysql}).
 *
 * <p>Settings: {@code jdbcUrl} ({@code jdbc:mysql://...}) or {@code host}, {@code port} (3306) and
 * {@code database}; {@code poolSize} (5); {@code sslMode} and other TLS options (README.md).
 * Credentials: {@code username}, {@code password}. Every pool rewrites batched inserts into
 * multi-row ones and runs its sessions in UTC.
 */
@Singleton
public final class MySqlDataSources extends SqlDataSources {

  public static final String TYPE = "mysql";

  public MySqlDataSources() {
    super(
        new ConnectionPools(
            Clock.systemUTC(),
            ConnectionPools.DEFAULT_IDLE_EVICTION,
            MySqlSettings::hikariConfig,
            (error, connection) -> MySqlErrors.translate(error, connection.name(), "connecting")));
  }
}
