package io.millflow.connector.snowflake;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.Identifiers;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the pool of a {@code snowflake} connection is configured, derived from its {@link
 * SnowflakeConnection}, with the checks that keep the JDBC URL Snowflake's. Holds no credential, so
 * it is safe to print; credentials come from the record only when the pool is configured.
 */
record SnowflakeSettings(
    String connection,
    String jdbcUrl,
    Optional<String> warehouse,
    Optional<String> database,
    String schema,
    Optional<String> role,
    int poolSize) {

  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);

  /**
   * An account identifier or its host, optionally as an https URL: only host characters, so the URL
   * stays ours.
   */
  private static final Pattern ACCOUNT =
      Pattern.compile(
          "^(?:https://)?([A-Za-z0-9][A-Za-z0-9_.-]*?)(\\.snowflakecomputing\\.com)?/?$");

  private static final Pattern OBJECT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

  /** Binds a stored connection first (its type, values and defaults). */
  static SnowflakeSettings of(Connection connection) {
    return of(connection.name(), ConnectionKind.of(SnowflakeConnection.class).bind(connection));
  }

  static SnowflakeSettings of(String name, SnowflakeConnection connection) {
    if (!Identifiers.isValid(connection.schema())) {
      throw JdbcSettings.invalid(
          name, "'schema' must be a plain name (letters, digits, underscores)");
    }
    return new SnowflakeSettings(
        name,
        jdbcUrl(name, connection),
        objectName(name, "warehouse", connection.warehouse()),
        objectName(name, "database", connection.database()),
        connection.schema().toUpperCase(Locale.ROOT),
        objectName(name, "role", connection.role()),
        connection.poolSize());
  }

  /** The pool's configuration of a stored connection. */
  static HikariConfig hikariConfig(Connection connection) {
    SnowflakeConnection bound = ConnectionKind.of(SnowflakeConnection.class).bind(connection);
    return of(connection.name(), bound).hikariConfig(bound);
  }

  /**
   * The pool's configuration, with the connection's credentials mapped to Snowflake JDBC's
   * properties.
   */
  HikariConfig hikariConfig(SnowflakeConnection credentials) {
    HikariConfig config =
        JdbcSettings.pool(
            "millflow-snowflake-" + connection,
            jdbcUrl,
            poolSize,
            credentials.username(),
            credentials.password());
    config.getDataSourceProperties().remove("tcpKeepAlive");
    warehouse.ifPresent(name -> config.addDataSourceProperty("warehouse", name));
    database.ifPresent(name -> config.addDataSourceProperty("db", name));
    config.addDataSourceProperty("schema", schema);
    role.ifPresent(name -> config.addDataSourceProperty("role", name));
    config.addDataSourceProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT.toSeconds()));
    // Arrow results need --add-opens on current JDKs; JSON results need nothing and carry the same
    // values.
    config.addDataSourceProperty("JDBC_QUERY_RESULT_FORMAT", "JSON");
    if (credentials.privateKey() != null) {
      config.setPassword(null);
      config.addDataSourceProperty("authenticator", "SNOWFLAKE_JWT");
      config.addDataSourceProperty(
          "private_key_base64", privateKeyBase64(connection, credentials.privateKey()));
      if (credentials.privateKeyPassphrase() != null) {
        config.addDataSourceProperty("private_key_pwd", credentials.privateKeyPassphrase());
      }
    } else if (credentials.password() == null) {
      throw new ReauthRequiredException(
          connection,
          "Connection '"
              + connection
              + "' has no credential 'password'"
              + " (nor a 'privateKey'): enter it in the connection's settings.");
    }
    return config;
  }

  private static String jdbcUrl(String name, SnowflakeConnection connection) {
    if (connection.jdbcUrl() != null) {
      if (!connection.jdbcUrl().startsWith("jdbc:snowflake://")) {
        throw JdbcSettings.invalid(name, "'jdbcUrl' must start with jdbc:snowflake://");
      }
      return connection.jdbcUrl();
    }
    if (connection.account() == null) {
      throw new StepFailure(
          "CONNECTION_INCOMPLETE",
          "Connection '"
              + name
              + "' has no setting 'account' (nor a"
              + " 'jdbcUrl'): add it to the connection's configuration.");
    }
    Matcher account = ACCOUNT.matcher(connection.account());
    if (!account.matches()) {
      throw JdbcSettings.invalid(
          name,
          "'account' must be an account identifier such as myorg-myaccount, or"
              + " https://myorg-myaccount.snowflakecomputing.com");
    }
    return "jdbc:snowflake://" + account.group(1) + ".snowflakecomputing.com/";
  }

  private static Optional<String> objectName(String connection, String key, String value) {
    Optional<String> name = Optional.ofNullable(value);
    if (name.isPresent() && !OBJECT_NAME.matcher(name.get()).matches()) {
      throw JdbcSettings.invalid(
          connection, "'" + key + "' must be a plain Snowflake name (letters, digits, _ and $)");
    }
    return name;
  }

  /**
   * The driver takes the key as Base64 of the PEM text; the key itself never appears in a message.
   */
  private static String privateKeyBase64(String connection, String pem) {
    String text = pem.strip();
    if (!text.startsWith("-----BEGIN") || !text.contains("PRIVATE KEY-----")) {
      throw new StepFailure(
          "CONNECTION_INVALID",
          "Connection '"
              + connection
              + "' has a credential"
              + " 'privateKey' that is not a PEM private key: paste the whole file, from -----BEGIN PRIVATE KEY----- (or"
              + " -----BEGIN ENCRYPTED PRIVATE KEY-----) to its END line.");
    }
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
