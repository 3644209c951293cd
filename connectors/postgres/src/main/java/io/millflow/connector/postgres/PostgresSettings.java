package io.millflow.connector.postgres;

import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.GuardedPoolSettings;
import io.millflow.connector.sql.GuardedSocketFactory;
import io.millflow.connector.sql.Identifiers;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionSockets;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/**
 * How the pool of a {@code postgres} connection is configured, derived from its {@link
 * PostgresConnection}. Holds no credential, so it is safe to print; credentials come from the
 * record only when the pool is configured.
 */
record PostgresSettings(String connection, String jdbcUrl, String schema, int poolSize)
    implements GuardedPoolSettings<PostgresConnection> {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final String SOCKET_FACTORY = "socketFactory";
  private static final String SOCKET_FACTORY_ARG = "socketFactoryArg";

  /** PgJDBC properties a tenant's URL may not set: each names a class to load or a file. */
  private static final Set<String> UNSAFE =
      Set.of(
          "sslfactory",
          "sslfactoryarg",
          "sslhostnameverifier",
          "sslpasswordcallback",
          "authenticationPluginClassName",
          "loggerFile",
          "sslcert",
          "sslkey",
          "sslrootcert");

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

  @Override
  public HikariConfig hikariConfig(PostgresConnection credentials) {
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

  /**
   * The pool's configuration of a stored connection, each socket checked by the guard {@code
   * sockets} gives the connection, if any.
   */
  static HikariConfig hikariConfig(Connection connection, ConnectionSockets sockets) {
    return GuardedPoolSettings.hikariConfig(
        connection, sockets, PostgresConnection.class, PostgresSettings::of);
  }

  /**
   * Has PgJDBC open every socket through {@link GuardedSocketFactory}, and refuses a URL that would
   * put another factory in its place (PgJDBC lets the URL's parameters win), read by the driver's
   * own parser.
   */
  @Override
  public void guardSockets(HikariConfig config, String key) {
    config.addDataSourceProperty(SOCKET_FACTORY, GuardedSocketFactory.class.getName());
    config.addDataSourceProperty(SOCKET_FACTORY_ARG, key);
    Properties given = new Properties();
    given.setProperty(SOCKET_FACTORY, GuardedSocketFactory.class.getName());
    given.setProperty(SOCKET_FACTORY_ARG, key);
    Properties effective = Driver.parseURL(jdbcUrl, given);
    if (effective == null
        || !GuardedSocketFactory.class.getName().equals(effective.getProperty(SOCKET_FACTORY))
        || !Objects.equals(key, effective.getProperty(SOCKET_FACTORY_ARG))) {
      throw JdbcSettings.invalid(
          connection, "'jdbcUrl' must not set socketFactory or socketFactoryArg");
    }
    JdbcSettings.refuseUnsafeProperties(connection, UNSAFE, effective);
  }
}
