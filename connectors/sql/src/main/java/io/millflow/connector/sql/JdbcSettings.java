package io.millflow.connector.sql;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.step.StepFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** What every SQL connection's settings share: the JDBC URL and the pool's common settings. */
public final class JdbcSettings {

  private static final Duration BORROW_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(2);

  private JdbcSettings() {}

  /**
   * Refuses a tenant's URL that sets one of {@code unsafe} (driver properties that make the driver
   * load a class by name, or read or write the runtime's files, e.g. MySQL's {@code
   * allowLoadLocalInfile}, which lets the server read any file the runtime can), as the driver's
   * own parser read it into {@code effective}. Names compare without case.
   */
  public static void refuseUnsafeProperties(String name, Set<String> unsafe, Map<?, ?> effective) {
    for (Object key : effective.keySet()) {
      String property = key.toString();
      if (unsafe.stream().anyMatch(property::equalsIgnoreCase)) {
        throw invalid(
            name,
            "'jdbcUrl' must not set "
                + property
                + " (it lets the driver load classes or touch the runtime's files); remove it");
      }
    }
  }

  /**
   * The connection's {@code jdbcUrl}, which must be of the driver's {@code subprotocol}, or one
   * built from {@code host}, {@code port} and {@code database} (the connection record's fields;
   * {@code name} is for messages).
   */
  public static String jdbcUrl(
      String name, String jdbcUrl, String host, int port, String database, String subprotocol) {
    String prefix = "jdbc:" + subprotocol + ":";
    if (jdbcUrl != null) {
      if (!jdbcUrl.startsWith(prefix)) {
        throw invalid(name, "'jdbcUrl' must start with " + prefix + "//");
      }
      return jdbcUrl;
    }
    String bracketedHost =
        required(name, "host", host).contains(":") && !host.startsWith("[")
            ? "[" + host + "]"
            : host;
    return prefix
        + "//"
        + bracketedHost
        + ":"
        + port
        + "/"
        + URLEncoder.encode(required(name, "database", database), StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  public static StepFailure invalid(String name, String problem) {
    return new StepFailure(
        "CONNECTION_INVALID",
        "Connection '"
            + name
            + "' has an invalid setting: "
            + problem
            + ". Correct it in the connection's configuration.");
  }

  private static String required(String name, String key, String value) {
    if (value == null) {
      throw new StepFailure(
          "CONNECTION_INCOMPLETE",
          "Connection '"
              + name
              + "' has no setting '"
              + key
              + "' (nor a 'jdbcUrl'): add it to the connection's configuration.");
    }
    return value;
  }

  /** The pool settings every sink wants; the caller adds its driver's own properties. */
  public static HikariConfig pool(
      String poolName, String jdbcUrl, int poolSize, String username, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(poolName);
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(username);
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    // Sinks are used in bursts: hold no connection between runs.
    config.setMinimumIdle(0);
    config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    config.setConnectionTimeout(BORROW_TIMEOUT.toMillis());
    // Try one connection when the pool opens, so wrong credentials or an unreachable server fail
    // the step at once with the driver's own error instead of a pool timeout later.
    config.setInitializationFailTimeout(1);
    config.addDataSourceProperty("tcpKeepAlive", "true");
    return config;
  }
}
