package io.millflow.connector.postgres;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.Identifiers;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import java.time.Duration;

/**
 * How the pool of a {@code postgres} connection is configured, derived from its {@link
 * PostgresConnection}. Holds no credential, so it is safe to print; credentials come from the
 * record only when the pool is configured.
 */
record PostgresSettings(String connection, String jdbcUrl, String schema, int poolSize) {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Binds a stored connection first (its type, values and defaults), then as {@link #of(String,
   * PostgresConnection)}.
   */
  static PostgresSettings of(Connection connection) {
    return of(connection.name(), ConnectionKind.of(PostgresConnection.class).bind(connection));
  }

  static PostgresSettings of(String name, PostgresConnection connection) {
    if (!Identifiers.isValid(connection.schema())) {
      throw JdbcSettings.invalid(
          name, "'schema' must be a plain name (letters, digits, underscores)");
    }
    return new PostgresSettings(
        name,
        JdbcSettings.jdbcUrl(
            name,
            connection.jdbcUrl(),
            connection.host(),
            connection.port(),
            connection.database(),
            "postgresql"),
        connection.schema(),
        connection.poolSize());
  }

  /** The pool's configuration, with the connection's credentials. */
  HikariConfig hikariConfig(PostgresConnection credentials) {
    HikariConfig config =
        JdbcSettings.pool(
            "millflow-postgres-" + connection,
            jdbcUrl,
            poolSize,
            credentials.username(),
            credentials.password());
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("ApplicationName", "millflow");
    config.addDataSourceProperty("currentSchema", schema);
    return config;
  }

  /** The pool's configuration of a stored connection. */
  static HikariConfig hikariConfig(Connection connection) {
    PostgresConnection bound = ConnectionKind.of(PostgresConnection.class).bind(connection);
    return of(connection.name(), bound).hikariConfig(bound);
  }
}
