package io.millflow.engine.connection;

import com.mysql.cj.conf.ConnectionUrl;
import com.mysql.cj.exceptions.CJException;
import io.millflow.connector.mysql.MySqlConnection;
import io.millflow.connector.postgres.PostgresConnection;
import io.millflow.connector.sql.JdbcSettings;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.InvalidConnectionException;
import io.millflow.step.StepFailure;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Keeps tenants' connections away from Millflow's own database, which holds every tenant's tokens
 * and secrets: a PostgreSQL or MySQL connection that would reach the state store is refused. The
 * embedded server is refused whole (any database on its port of this machine, by whatever name:
 * localhost, 127.0.0.1, ::1, the machine's own addresses); an external state store only with its
 * own database, since its server may well hold the tenants' databases too. Host names are resolved
 * here, and URLs read by the drivers' own parsers, so a URL cannot say one host and mean another.
 */
@Singleton
public class StateStoreGuard {

  /** One server and database a connection leads to; {@code database} null: any. */
  record Target(String host, int port, String database) {

    @Override
    public String toString() {
      return host + ":" + port + (database == null ? "" : "/" + database);
    }
  }

  private final List<Target> stateStore;

  @Inject
  public StateStoreGuard(StateStore store, MillflowConfig config) {
    this(
        store
            .embeddedServer()
            .map(embedded -> List.of(new Target("localhost", embedded.port(), null)))
            .orElseGet(
                () -> config.db().url().map(StateStoreGuard::postgresTargets).orElse(List.of())));
  }

  StateStoreGuard(List<Target> stateStore) {
    this.stateStore = List.copyOf(stateStore);
  }

  /**
   * Why the connection may not be used, naming the setting and the fix; empty when it leads
   * elsewhere.
   */
  public Optional<String> refusal(Connection connection) {
    for (Target target : targets(connection)) {
      for (Target store : stateStore) {
        if (leadsTo(target, store)) {
          String field =
              connection.optionalSetting("jdbcUrl").isPresent()
                  ? "settings.jdbcUrl"
                  : "settings.host and settings.port";
          return Optional.of(
              "Connection '"
                  + connection.name()
                  + "' leads to Millflow's own state store ("
                  + target
                  + ", through "
                  + field
                  + "), which no connection may reach: it holds every tenant's tokens and secrets."
                  + " Point "
                  + field
                  + " at a database server of your own.");
        }
      }
    }
    return Optional.empty();
  }

  private static boolean leadsTo(Target target, Target store) {
    return target.port() == store.port()
        && (store.database() == null || store.database().equals(target.database()))
        && sameHost(target.host(), store.host());
  }

  /**
   * The servers a connection's driver would connect to; none when its settings are incomplete or
   * not a SQL type.
   */
  static List<Target> targets(Connection connection) {
    try {
      return switch (connection.type()) {
        case "postgres" -> {
          PostgresConnection postgres =
              ConnectionKind.of(PostgresConnection.class).read(connection);
          yield postgresTargets(
              JdbcSettings.jdbcUrl(
                  connection.name(),
                  postgres.jdbcUrl(),
                  postgres.host(),
                  postgres.port(),
                  postgres.database(),
                  "postgresql"));
        }
        case "mysql" -> {
          MySqlConnection mysql = ConnectionKind.of(MySqlConnection.class).read(connection);
          yield mysqlTargets(
              JdbcSettings.jdbcUrl(
                  connection.name(),
                  mysql.jdbcUrl(),
                  mysql.host(),
                  mysql.port(),
                  mysql.database(),
                  "mysql"));
        }
        default -> List.of();
      };
    } catch (StepFailure | InvalidConnectionException | CJException e) {
      return List.of(); // settings the connector itself refuses, with a message of its own
    }
  }

  /**
   * The hosts of a PostgreSQL JDBC URL as the driver reads it: its query may override the hosts
   * before it.
   */
  static List<Target> postgresTargets(String jdbcUrl) {
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
        targets.add(
            new Target(hosts[i].strip(), Integer.parseInt(port), url.getProperty("PGDBNAME")));
      }
    }
    return targets;
  }

  private static List<Target> mysqlTargets(String jdbcUrl) {
    return ConnectionUrl.getConnectionUrlInstance(jdbcUrl, new Properties()).getHostsList().stream()
        .map(host -> new Target(host.getHost(), host.getPort(), host.getDatabase()))
        .toList();
  }

  /** Both names lead to one machine: this one for both, or an address in common. */
  private static boolean sameHost(String a, String b) {
    List<InetAddress> first = addresses(a);
    List<InetAddress> second = addresses(b);
    boolean bothThisMachine =
        first.stream().anyMatch(StateStoreGuard::isThisMachine)
            && second.stream().anyMatch(StateStoreGuard::isThisMachine);
    return bothThisMachine || first.stream().anyMatch(second::contains);
  }

  private static List<InetAddress> addresses(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      return Arrays.asList(InetAddress.getAllByName(bare));
    } catch (UnknownHostException e) {
      return List.of(); // the driver cannot reach it either
    }
  }

  private static boolean isThisMachine(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
      return true;
    }
    try {
      return NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      return false;
    }
  }
}
