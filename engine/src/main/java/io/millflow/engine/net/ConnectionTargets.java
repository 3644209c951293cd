package io.millflow.engine.net;

import com.mongodb.ConnectionString;
import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.exceptions.CJException;
import io.millflow.connector.mongodb.MongoConnection;
import io.millflow.connector.mysql.MySqlConnection;
import io.millflow.connector.postgres.PostgresConnection;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.InvalidConnectionException;
import io.millflow.step.StepFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * The servers a connection leads to, each with the setting that names it. Database URLs are read by
 * the drivers' own parsers (a PostgreSQL URL's query may override the hosts before it; a URL may
 * name several hosts), so a URL cannot say one host and mean another; any other setting that is a
 * URL counts by its authority, and a {@code host} with a {@code port} as one server.
 */
final class ConnectionTargets {

  /** One server a connection leads to; {@code port} -1 when the scheme has no known default. */
  record Target(String host, int port, String field) {}

  /**
   * {@code scheme://[user@]host[:port]}, also {@code jdbc:...}; a bracketed IPv6 host or a name.
   */
  private static final Pattern AUTHORITY =
      Pattern.compile(
          "(?i)^(?:jdbc:)?([a-z][a-z0-9+.-]*)://(?:[^@/]*@)?"
              + "(\\[[^\\]]+]|[^:/?#,]+)(?::(\\d+))?");

  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of(
          "http",
          80,
          "https",
          443,
          "postgresql",
          5432,
          "mysql",
          3306,
          "mariadb",
          3306,
          "mongodb",
          27017);

  private static final String HOST_AND_PORT = "settings.host and settings.port";

  private ConnectionTargets() {}

  /**
   * Every server the connection's settings lead to, the typed ones (the driver's reading) first.
   */
  static List<Target> of(Connection connection) {
    List<Target> targets = new ArrayList<>(typed(connection));
    for (Map.Entry<String, String> setting : new TreeMap<>(connection.settings()).entrySet()) {
      url(setting.getValue(), "settings." + setting.getKey()).ifPresent(targets::add);
    }
    String host = connection.settings().get("host");
    String port = connection.settings().get("port");
    if (host != null && port != null && port.strip().matches("\\d{1,5}")) {
      targets.add(new Target(host.strip(), Integer.parseInt(port.strip()), HOST_AND_PORT));
    }
    return targets;
  }

  /** The server of a URL ({@code http:}, {@code jdbc:...:}, {@code mongodb:}...), if it has one. */
  static java.util.Optional<Target> url(String url, String field) {
    if (url == null) {
      return java.util.Optional.empty();
    }
    Matcher authority = AUTHORITY.matcher(url.strip());
    if (!authority.find()) {
      return java.util.Optional.empty();
    }
    int port =
        authority.group(3) != null
            ? Integer.parseInt(authority.group(3))
            : DEFAULT_PORTS.getOrDefault(authority.group(1).toLowerCase(Locale.ROOT), -1);
    return java.util.Optional.of(new Target(authority.group(2), port, field));
  }

  private static List<Target> typed(Connection connection) {
    try {
      return switch (connection.type()) {
        case "postgres" -> {
          PostgresConnection postgres =
              ConnectionKind.of(PostgresConnection.class).read(connection);
          yield postgres(
              JdbcSettings.jdbcUrl(
                  connection.name(),
                  postgres.jdbcUrl(),
                  postgres.host(),
                  postgres.port(),
                  postgres.database(),
                  "postgresql"),
              field(postgres.jdbcUrl(), "settings.jdbcUrl"));
        }
        case "mysql" -> {
          MySqlConnection mysql = ConnectionKind.of(MySqlConnection.class).read(connection);
          yield mysql(
              JdbcSettings.jdbcUrl(
                  connection.name(),
                  mysql.jdbcUrl(),
                  mysql.host(),
                  mysql.port(),
                  mysql.database(),
                  "mysql"),
              field(mysql.jdbcUrl(), "settings.jdbcUrl"));
        }
        case "mongodb" -> mongo(ConnectionKind.of(MongoConnection.class).read(connection));
        default -> List.of();
      };
    } catch (StepFailure | InvalidConnectionException | CJException | IllegalArgumentException e) {
      return List.of(); // settings the connector itself refuses, with a message of its own
    }
  }

  private static String field(String url, String urlField) {
    return url != null ? urlField : HOST_AND_PORT;
  }

  /** The hosts of a PostgreSQL JDBC URL as the driver reads it. */
  static List<Target> postgres(String jdbcUrl, String field) {
    Properties url = Driver.parseURL(jdbcUrl, new Properties());
    if (url == null) {
      return List.of();
    }
    String[] hosts = url.getProperty("PGHOST", "localhost").split(",");
    String[] ports = url.getProperty("PGPORT", "5432").split(",");
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < hosts.length; i++) {
      String port = ports[Math.min(i, ports.length - 1)].strip();
      if (port.matches("[0-9]{1,5}")) {
        targets.add(new Target(hosts[i].strip(), Integer.parseInt(port), field));
      }
    }
    return targets;
  }

  private static List<Target> mysql(String jdbcUrl, String field) {
    return ConnectionUrl.getConnectionUrlInstance(jdbcUrl, new Properties()).getHostsList().stream()
        .map(host -> new Target(host.getHost(), host.getPort(), field))
        .toList();
  }

  /**
   * The hosts of a MongoDB connection string as the driver reads it (an {@code mongodb+srv} name is
   * checked itself; the servers its SRV record lists are the driver's to find), or host and port.
   */
  private static List<Target> mongo(MongoConnection mongo) {
    if (mongo.connectionString() == null) {
      return mongo.host() == null
          ? List.of()
          : List.of(new Target(mongo.host(), mongo.port(), HOST_AND_PORT));
    }
    return new ConnectionString(mongo.connectionString())
        .getHosts().stream().map(host -> hostAndPort(host, "settings.connectionString")).toList();
  }

  private static Target hostAndPort(String hostAndPort, String field) {
    int colon = hostAndPort.lastIndexOf(':');
    boolean hasPort =
        colon > hostAndPort.lastIndexOf(']')
            && (hostAndPort.startsWith("[") || hostAndPort.indexOf(':') == colon);
    return hasPort
        ? new Target(
            hostAndPort.substring(0, colon),
            Integer.parseInt(hostAndPort.substring(colon + 1)),
            field)
        : new Target(hostAndPort, 27017, field);
  }
}
