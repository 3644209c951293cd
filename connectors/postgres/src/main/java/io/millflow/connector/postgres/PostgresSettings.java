package io.millflow.connector.postgres;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.Identifiers;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.time.Duration;

/**
 * The settings of a {@code postgres} connection, checked. Holds no credential, so it is safe to print; credentials are
 * read from the connection only when the pool is configured.
 */
record PostgresSettings(String connection, String jdbcUrl, String schema, int poolSize) {

  static final int DEFAULT_PORT = 5432;
  static final int DEFAULT_POOL_SIZE = 5;
  static final String DEFAULT_SCHEMA = "public";
  private static final int MAX_POOL_SIZE = 100;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  static PostgresSettings of(Connection connection) {
    if (!PostgresDataSources.TYPE.equals(connection.type())) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' is a '" + connection.type()
          + "' connection, not a PostgreSQL one: choose a connection of type 'postgres'.");
    }
    String schema = connection.optionalSetting("schema").map(String::strip).orElse(DEFAULT_SCHEMA);
    if (!Identifiers.isValid(schema)) {
      throw JdbcSettings.invalid(connection, "'schema' must be a plain name (letters, digits, underscores)");
    }
    return new PostgresSettings(connection.name(), JdbcSettings.jdbcUrl(connection, "postgresql", DEFAULT_PORT), schema,
        JdbcSettings.integer(connection, "poolSize", DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE));
  }

  /** The pool's configuration, with the connection's credentials. */
  HikariConfig hikariConfig(Connection credentials) {
    HikariConfig config = JdbcSettings.pool("millflow-postgres-" + connection, jdbcUrl, poolSize, credentials);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("ApplicationName", "millflow");
    config.addDataSourceProperty("currentSchema", schema);
    return config;
  }
}
