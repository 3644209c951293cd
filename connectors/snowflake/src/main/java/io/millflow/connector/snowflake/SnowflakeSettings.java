package io.millflow.connector.snowflake;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.Identifiers;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of a {@code snowflake} connection, checked. Holds no credential, so it is safe to print; credentials are
 * read from the connection only when the pool is configured.
 *
 * <p>Settings: {@code jdbcUrl} ({@code jdbc:snowflake://...}) or {@code account} (an account identifier such as
 * {@code myorg-myaccount}, or its URL {@code https://myorg-myaccount.snowflakecomputing.com}); {@code warehouse},
 * {@code database}, {@code schema} (PUBLIC), {@code role}; {@code poolSize} (3). Credentials: {@code username} with
 * {@code password}, or with {@code privateKey} (PEM, PKCS#8) and an optional {@code privateKeyPassphrase} (key-pair
 * authentication).
 */
record SnowflakeSettings(String connection, String jdbcUrl, Optional<String> warehouse, Optional<String> database,
    String schema, Optional<String> role, int poolSize) {

  static final String DEFAULT_SCHEMA = "PUBLIC";
  static final int DEFAULT_POOL_SIZE = 3;
  private static final int MAX_POOL_SIZE = 50;
  private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(20);
  /** An account identifier or its host, optionally as an https URL: only host characters, so the URL stays ours. */
  private static final Pattern ACCOUNT = Pattern.compile(
      "^(?:https://)?([A-Za-z0-9][A-Za-z0-9_.-]*?)(\\.snowflakecomputing\\.com)?/?$");
  private static final Pattern OBJECT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,254}");

  static SnowflakeSettings of(Connection connection) {
    if (!SnowflakeDataSources.TYPE.equals(connection.type())) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' is a '" + connection.type()
          + "' connection, not a Snowflake one: choose a connection of type 'snowflake'.");
    }
    String schema = connection.optionalSetting("schema").map(String::strip).orElse(DEFAULT_SCHEMA);
    if (!Identifiers.isValid(schema)) {
      throw JdbcSettings.invalid(connection, "'schema' must be a plain name (letters, digits, underscores)");
    }
    return new SnowflakeSettings(connection.name(), jdbcUrl(connection), objectName(connection, "warehouse"),
        objectName(connection, "database"), schema.toUpperCase(Locale.ROOT), objectName(connection, "role"),
        JdbcSettings.integer(connection, "poolSize", DEFAULT_POOL_SIZE, 1, MAX_POOL_SIZE));
  }

  /** The pool's configuration, with the connection's credentials mapped to Snowflake JDBC's properties. */
  HikariConfig hikariConfig(Connection credentials) {
    HikariConfig config = JdbcSettings.pool("millflow-snowflake-" + connection, jdbcUrl, poolSize, credentials);
    config.getDataSourceProperties().remove("tcpKeepAlive");
    warehouse.ifPresent(name -> config.addDataSourceProperty("warehouse", name));
    database.ifPresent(name -> config.addDataSourceProperty("db", name));
    config.addDataSourceProperty("schema", schema);
    role.ifPresent(name -> config.addDataSourceProperty("role", name));
    config.addDataSourceProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT.toSeconds()));
    // Arrow results need --add-opens on current JDKs; JSON results need nothing and carry the same values.
    config.addDataSourceProperty("JDBC_QUERY_RESULT_FORMAT", "JSON");
    var privateKey = credentials.optionalCredential("privateKey");
    if (privateKey.isPresent()) {
      config.setPassword(null);
      config.addDataSourceProperty("authenticator", "SNOWFLAKE_JWT");
      config.addDataSourceProperty("private_key_base64", privateKeyBase64(credentials, privateKey.get()));
      credentials.optionalCredential("privateKeyPassphrase")
          .ifPresent(passphrase -> config.addDataSourceProperty("private_key_pwd", passphrase));
    } else {
      config.setPassword(credentials.credential("password"));
    }
    return config;
  }

  private static String jdbcUrl(Connection connection) {
    Optional<String> url = connection.optionalSetting("jdbcUrl").map(String::strip);
    if (url.isPresent()) {
      if (!url.get().startsWith("jdbc:snowflake://")) {
        throw JdbcSettings.invalid(connection, "'jdbcUrl' must start with jdbc:snowflake://");
      }
      return url.get();
    }
    Matcher account = ACCOUNT.matcher(connection.setting("account").strip());
    if (!account.matches()) {
      throw JdbcSettings.invalid(connection, "'account' must be an account identifier such as myorg-myaccount, or"
          + " https://myorg-myaccount.snowflakecomputing.com");
    }
    return "jdbc:snowflake://" + account.group(1) + ".snowflakecomputing.com/";
  }

  private static Optional<String> objectName(Connection connection, String key) {
    Optional<String> name = connection.optionalSetting(key).map(String::strip);
    if (name.isPresent() && !OBJECT_NAME.matcher(name.get()).matches()) {
      throw JdbcSettings.invalid(connection, "'" + key + "' must be a plain Snowflake name (letters, digits, _ and $)");
    }
    return name;
  }

  /** The driver takes the key as Base64 of the PEM text; the key itself never appears in a message. */
  private static String privateKeyBase64(Connection connection, String pem) {
    String text = pem.strip();
    if (!text.startsWith("-----BEGIN") || !text.contains("PRIVATE KEY-----")) {
      throw new StepFailure("CONNECTION_INVALID", "Connection '" + connection.name() + "' has a credential"
          + " 'privateKey' that is not a PEM private key: paste the whole file, from -----BEGIN PRIVATE KEY----- (or"
          + " -----BEGIN ENCRYPTED PRIVATE KEY-----) to its END line.");
    }
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
