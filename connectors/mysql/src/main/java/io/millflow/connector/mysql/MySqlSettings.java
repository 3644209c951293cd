package io.millflow.connector.mysql;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.conf.HostInfo;
import com.zaxxer.hikari.HikariConfig;
import io.millflow.connector.sql.GuardedPoolSettings;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.ConnectionSockets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How the pool of a {@code mysql} connection is configured, derived from its {@link
 * MySqlConnection}. Holds no credential, so it is safe to print; credentials come from the record
 * only when the pool is configured.
 */
record MySqlSettings(String connection, String jdbcUrl, int poolSize)
    implements GuardedPoolSettings<MySqlConnection> {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final String SOCKET_FACTORY = "socketFactory";
  private static final String SOCKS_PROXY_HOST = "socksProxyHost";

  /**
   * Connector/J properties a tenant's URL may not set: each lets the server read the runtime's
   * files, has the driver deserialize what the server sends, or names a class or file to load.
   */
  private static final Set<String> UNSAFE =
      Set.of(
          "allowLoadLocalInfile",
          "allowLoadLocalInfileInPath",
          "allowUrlInLocalInfile",
          "autoDeserialize",
          "queryInterceptors",
          "exceptionInterceptors",
          "connectionLifecycleInterceptors",
          "propertiesTransform",
          "clientInfoProvider",
          "authenticationPlugins",
          "defaultAuthenticationPlugin",
          "profilerEventHandler",
          "logger",
          "serverRSAPublicKeyFile",
          "ociConfigFile",
          "authenticationFidoCallbackHandler",
          "authenticationWebAuthnCallbackHandler");

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

  /**
   * The pool's configuration of a stored connection, each socket checked by the guard {@code
   * sockets} gives the connection, if any.
   */
  static HikariConfig hikariConfig(Connection connection, ConnectionSockets sockets) {
    return GuardedPoolSettings.hikariConfig(
        connection, sockets, MySqlConnection.class, MySqlSettings::of);
  }

  /**
   * Has Connector/J open every socket through {@link GuardedMySqlSocketFactory}, and refuses a URL
   * that would go around it, as the driver's own parser reads it for each host: another factory (a
   * host's own properties win over ours), or a SOCKS proxy (Connector/J then swaps the factory for
   * its proxy one, and the proxy's address is checked by nobody).
   */
  @Override
  public void guardSockets(HikariConfig config, String key) {
    config.addDataSourceProperty(SOCKET_FACTORY, GuardedMySqlSocketFactory.class.getName());
    config.addDataSourceProperty(GuardedMySqlSocketFactory.GUARD_KEY, key);
    Properties given = new Properties();
    config.getDataSourceProperties().forEach((name, value) -> given.put(name, value.toString()));
    for (HostInfo host : ConnectionUrl.getConnectionUrlInstance(jdbcUrl, given).getHostsList()) {
      var effective = host.getHostProperties();
      if (!GuardedMySqlSocketFactory.class.getName().equals(effective.get(SOCKET_FACTORY))
          || !key.equals(effective.get(GuardedMySqlSocketFactory.GUARD_KEY))
          || effective.get(SOCKS_PROXY_HOST) != null) {
        throw JdbcSettings.invalid(
            connection, "'jdbcUrl' must not set socketFactory or socksProxyHost");
      }
      JdbcSettings.refuseUnsafeProperties(connection, UNSAFE, effective);
    }
  }

  /** The pool's configuration, with the connection's credentials. */
  @Override
  public HikariConfig hikariConfig(MySqlConnection credentials) {
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
