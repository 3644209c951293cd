package io.millflow.connector.mysql;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.time.Duration;
import java.util.List;

/**
 * The settings of a {@code mysql} connection, checked. Holds no credential, so it is safe to print; credentials are
 * read from the connection only when the pool is configured.
 */
record MySqlSettings(String connection, String jdbcUrl, int poolSize) {

  static final int DEFAULT_PORT = 3306;
  static final int DEFAULT_POOL_SIZE = 5;
  /** Connector/J TLS options a connection may set as plain settings; anything else goes into {@code jdbcUrl}. */
  static final List<String> TLS_SETTINGS = List.of("sslMode", "tlsVersions", "trustCertificateKeyStoreUrl",
      "trustCertificateKeyStoreType", "clientCertificateKeyStoreUrl", "clientCertificateKeyStoreType");
  /** TLS secrets are credentials, never settings. */
  static final List<String> TLS_CREDENTIALS = List.of("trustCertificateKeyStorePassword",
      "clientCertificateKeyStorePassword");
  private static final int MAX_POOL_SIZE = 100;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  static MySqlSettings of(Connection connection) {
    if (!MySqlDataSources.TYPE.equals(connection.type())) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' is a '" + connection.type()
          + "' connection, not a MySQL one: choose a connection of type 'mysql'.");
    }
    int poolSize = JdbcSettings.integer(connection, "poolSize", DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE);
    return new MySqlSettings(connection.name(), JdbcSettings.jdbcUrl(connection, "mysql", DEFAULT_PORT), poolSize);
  }

  /** The pool's configuration, with the connection's credentials. */
  HikariConfig hikariConfig(Connection credentials) {
    HikariConfig config = JdbcSettings.pool("millflow-mysql-" + connection, jdbcUrl, poolSize, credentials);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
    // The fast path: a JDBC batch of INSERTs goes to the server as multi-row INSERTs.
    config.addDataSourceProperty("rewriteBatchedStatements", "true");
    // DATETIME has no zone: every session runs in UTC, so stored times and CURRENT_TIMESTAMP(6) are UTC.
    config.addDataSourceProperty("connectionTimeZone", "UTC");
    config.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
    config.addDataSourceProperty("characterEncoding", "UTF-8");
    config.addDataSourceProperty("connectionCollation", "utf8mb4_unicode_ci");
    // Statements must fail, not truncate or round silently, when a value does not fit its column.
    config.addDataSourceProperty("sessionVariables", "sql_mode='STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'");
    config.addDataSourceProperty("connectionAttributes", "program_name:millflow");
    TLS_SETTINGS.forEach(key -> credentials.optionalSetting(key)
        .ifPresent(value -> config.addDataSourceProperty(key, value.strip())));
    TLS_CREDENTIALS.forEach(key -> credentials.optionalCredential(key)
        .ifPresent(value -> config.addDataSourceProperty(key, value)));
    return config;
  }
}
