package io.millflow.connector.postgres;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.Identifiers;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
  private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  static PostgresSettings of(Connection connection) {
    if (!PostgresDataSources.TYPE.equals(connection.type())) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' is a '" + connection.type()
          + "' connection, not a PostgreSQL one: choose a connection of type 'postgres'.");
    }
    String schema = connection.optionalSetting("schema").map(String::strip).orElse(DEFAULT_SCHEMA);
    if (!Identifiers.isValid(schema)) {
      throw invalid(connection, "'schema' must be a plain name (letters, digits, underscores)");
    }
    return new PostgresSettings(connection.name(), jdbcUrl(connection), schema, poolSize(connection));
  }

  /** The pool's configuration, with the connection's credentials. */
  HikariConfig hikariConfig(Connection credentials) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("millflow-postgres-" + connection);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(credentials.credential("username"));
    credentials.optionalCredential("password").ifPresent(config::setPassword);
    config.setMaximumPoolSize(poolSize);
    // Sinks are used in bursts: hold no connection between runs.
    config.setMinimumIdle(0);
    config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    config.setConnectionTimeout(BORROW_TIMEOUT.toMillis());
    // Try one connection when the pool opens, so wrong credentials or an unreachable server fail the step at once
    // with the driver's own error instead of a pool timeout later.
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
    config.addDataSourceProperty("tcpKeepAlive", "true");
    config.addDataSourceProperty("ApplicationName", "millflow");
    config.addDataSourceProperty("currentSchema", schema);
    return config;
  }

  private static String jdbcUrl(Connection connection) {
    var url = connection.optionalSetting("jdbcUrl").map(String::strip);
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:postgresql:")) {
        throw invalid(connection, "'jdbcUrl' must start with jdbc:postgresql://");
      }
      return url.get();
    }
    String host = connection.setting("host").strip();
    int port = integer(connection, "port", DEFAULT_PORT, 1, 65_535);
    String database = connection.setting("database").strip();
    String bracketedHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + bracketedHost + ":" + port + "/"
        + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static int poolSize(Connection connection) {
    return integer(connection, "poolSize", DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE);
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
