package io.millflow.connector.sql;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** What every SQL connection's settings share: the JDBC URL, checked whole numbers, and the pool's common settings. */
public final class JdbcSettings {

  private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  private JdbcSettings() {}

  /**
   * The connection's {@code jdbcUrl}, which must be of the driver's {@code subprotocol}, or one built from
   * {@code host}, {@code port} (default {@code defaultPort}) and {@code database}.
   */
  public static String jdbcUrl(Connection connection, String subprotocol, int defaultPort) {
    String prefix = "jdbc:" + subprotocol + ":";
    var url = connection.optionalSetting("jdbcUrl").map(String::strip);
    if (url.isPresent()) {
      if (!url.get().startsWith(prefix)) {
        throw invalid(connection, "'jdbcUrl' must start with " + prefix + "//");
      }
      return url.get();
    }
    String host = connection.setting("host").strip();
    int port = integer(connection, "port", defaultPort, 1, 65_535);
    String database = connection.setting("database").strip();
    String bracketedHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return prefix + "//" + bracketedHost + ":" + port + "/"
        + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A whole-number setting within {@code [min, max]}, or {@code fallback} when absent. */
  public static int integer(Connection connection, String key, int fallback, int min, int max) {
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

  public static StepFailure invalid(Connection connection, String problem) {
    return new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has an invalid setting: "
        + problem + ". Correct it in the connection's configuration.");
  }

  /** The pool settings every sink wants; the caller adds its driver's own properties. */
  public static HikariConfig pool(String poolName, String jdbcUrl, int poolSize, Connection credentials) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
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
    config.addDataSourceProperty("tcpKeepAlive", "true");
    return config;
  }
}
