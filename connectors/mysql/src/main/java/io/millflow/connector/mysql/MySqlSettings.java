package io.millflow.connector.mysql;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
  private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  static MySqlSettings of(Connection connection) {
    if (!MySqlDataSources.TYPE.equals(connection.type())) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' is a '" + connection.type()
          + "' connection, not a MySQL one: choose a connection of type 'mysql'.");
    }
    int poolSize = integer(connection, "poolSize", DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE);
    return new MySqlSettings(connection.name(), jdbcUrl(connection), poolSize);
  }

  /** The pool's configuration, with the connection's credentials. */
  HikariConfig hikariConfig(Connection credentials) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("millflow-mysql-" + connection);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(credentials.credential("username"));
    credentials.optionalCredential("password").ifPresent(config::setPassword);
    config.setMaximumPoolSize(poolSize);
    // Sinks are used in bursts: hold no connection between runs.
    config.setMinimumIdle(0);
    config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    config.setConnectionTimeout(BORROW_TIMEOUT.toMillis());
    // Open one connection when the pool opens, so bad credentials fail the step at once with the driver's error.
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
    config.addDataSourceProperty("tcpKeepAlive", "true");
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

  private static String jdbcUrl(Connection connection) {
    var url = connection.optionalSetting("jdbcUrl").map(String::strip);
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:mysql:")) {
        throw invalid(connection, "'jdbcUrl' must start with jdbc:mysql://");
      }
      return url.get();
    }
    String host = connection.setting("host").strip();
    int port = integer(connection, "port", DEFAULT_PORT, 1, 65_535);
    String database = connection.setting("database").strip();
    String bracketedHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:mysql://" + bracketedHost + ":" + port + "/"
        + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static int integer(Connection connection, String key, int fallback, int min, int max) {
    String text = connection.optionalSetting(key).map(String::strip).orElse(null);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the allowed range
    }
    throw invalid(connection, "'" + key + "' must be a whole number from " + min + " to " + max);
  }

  private static StepFailure invalid(Connection connection, String problem) {
    return new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has an invalid setting: "
        + problem + ". Correct it in the connection's configuration.");
  }
}
