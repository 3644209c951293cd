package io.millflow.connector.sql;

/**
 * A SQL connection record that names its server by a JDBC URL, or else by host, port and database.
 */
public interface JdbcServer {

  /** The connection's JDBC URL; null when host, port and database name the server. */
  String jdbcUrl();

  /** The setting that names the server, as an outbound refusal names it. */
  default String serverSetting() {
    return jdbcUrl() != null ? "settings.jdbcUrl" : "settings.host";
  }
}
