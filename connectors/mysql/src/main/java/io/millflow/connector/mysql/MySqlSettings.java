package io.millflow.connector.mysql;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the pool of a {@code mysql} connection is configured, derived from its {@link
 * MySqlConnection}. Holds no credential, so it is safe to print; credentials come from the record
 * only when the pool is configured.
 */
record MySqlSettings(String connection, String jdbcUrl, int poolSize) {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Binds a stored connection first (its type, values and defaults), then as {@link #of(String,
   * MySqlConnection)}.
   */
  static MySqlSettings of(Connection connection) {
    return of(connection.name(), ConnectionKind.of(MySqlConnection.class).bind(connection));
  }

  static MySqlSettings of(String name, MySqlConnection connection) {
    return new MySqlSettings(
        name,
        JdbcSettings.jdbcUrl(
            name,
            connection.jdbcUrl(),
            connection.host(),
            connection.port(),
            connection.database(),
            "mysql"),
        connection.poolSize());
  }

  /** The pool's configuration of a stored connection. */
  static HikariConfig hikariConfig(Connection connection) {
    MySqlConnection bound = ConnectionKind.of(MySqlConnection.class).bind(connection);
    return of(connection.name(), bound).hikariConfig(bound);
  }

  /** The pool's configuration, with the connection's credentials. */
  HikariConfig hikariConfig(MySqlConnection credentials) {
    HikariConfig config =
        JdbcSettings.pool(
            "millflow-mysql-" + connection,
            jdbcUrl,
            poolSize,
            credentials.username(),
            credentials.password());
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
    // The fast path: a JDBC batch of INSERTs goes to the server as multi-row INSERTs.
    config.addDataSourceProperty("rewriteBatchedStatements", "true");
    // DATETIME has no zone: every session runs in UTC, so stored times and CURRENT_TIMESTAMP(6) are
    // UTC.
    config.addDataSourceProperty("connectionTimeZone", "UTC");
    config.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
    config.addDataSourceProperty("characterEncoding", "UTF-8");
    config.addDataSourceProperty("connectionCollation", "utf8mb4_unicode_ci");
    // Statements must fail, not truncate or round silently, when a value does not fit its column.
    config.addDataSourceProperty(
        "sessionVariables", "sql_mode='STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'");
    config.addDataSourceProperty("connectionAttributes", "program_name:millflow");
    Map<String, String> tls = new LinkedHashMap<>();
    tls.put("sslMode", credentials.sslMode());
    tls.put("tlsVersions", credentials.tlsVersions());
    tls.put("trustCertificateKeyStoreUrl", credentials.trustCertificateKeyStoreUrl());
    tls.put("trustCertificateKeyStoreType", credentials.trustCertificateKeyStoreType());
    tls.put("clientCertificateKeyStoreUrl", credentials.clientCertificateKeyStoreUrl());
    tls.put("clientCertificateKeyStoreType", credentials.clientCertificateKeyStoreType());
    tls.put("trustCertificateKeyStorePassword", credentials.trustCertificateKeyStorePassword());
    tls.put("clientCertificateKeyStorePassword", credentials.clientCertificateKeyStorePassword());
    tls.forEach(
        (key, value) -> {
          if (value != null) {
            config.addDataSourceProperty(key, value);
          }
        });
    return config;
  }
}
