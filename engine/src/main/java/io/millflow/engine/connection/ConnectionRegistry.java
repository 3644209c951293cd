package io.millflow.engine.connection;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.net.OutboundAddresses;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.millflow.step.StepFailure;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The connections steps can use, by name, from three places, the first that has the name winning:
 * the configuration ({@code millflow.connections.*}), the tenant's connections created through the
 * API (credentials encrypted), and those the runtime provides itself (the sandboxes' {@code
 * plex-sandbox}, {@code warehouse}, ...). So a user can point a sandbox's name at a real system.
 * Configured and provided connections belong to the installation's tenant; any other tenant sees
 * only the connections it created.
 */
@Singleton
public class ConnectionRegistry {

  /** Where a connection comes from, as the API shows it. */
  public enum Origin {
    CONFIGURATION,
    API,
    RUNTIME
  }

  private final Map<String, Connection> configured = new ConcurrentHashMap<>();
  private final Map<String, Connection> provided = new ConcurrentHashMap<>();
  private final ConnectionStore stored;
  private final OutboundAddresses addresses;
  private final String installationTenant;

  public ConnectionRegistry(
      MillflowConfig config, ConnectionStore stored, OutboundAddresses addresses) {
    this.stored = stored;
    this.addresses = addresses;
    this.installationTenant = config.tenant();
    config
        .connections()
        .forEach(
            (name, c) ->
                configured.put(
                    name, new Connection(name, c.type(), c.settings(), c.credentials())));
  }

  /**
   * Adds a connection the runtime itself offers; a configured or stored one of that name still
   * wins.
   */
  public void provide(Connection connection) {
    provided.put(connection.name(), connection);
  }

  /** Every connection the tenant's steps can use, ordered by name, each as it resolves. */
  public Collection<Connection> all(String tenantId) {
    Map<String, Connection> all = new TreeMap<>(provided(tenantId));
    stored.list(tenantId).forEach(connection -> all.put(connection.name(), connection));
    all.putAll(configured(tenantId));
    return all.values();
  }

  public Optional<Origin> origin(String tenantId, String name) {
    if (configured(tenantId).containsKey(name)) {
      return Optional.of(Origin.CONFIGURATION);
    }
    if (stored.exists(tenantId, name)) {
      return Optional.of(Origin.API);
    }
    return provided(tenantId).containsKey(name) ? Optional.of(Origin.RUNTIME) : Optional.empty();
  }

  public Connection resolve(String tenantId, String name) {
    Connection connection = configured(tenantId).get(name);
    if (connection == null) {
      connection = stored.find(tenantId, name).orElse(provided(tenantId).get(name));
    }
    if (connection == null) {
      throw new StepFailure(
          "CONNECTION_NOT_FOUND",
          "No connection named '"
              + name
              + "'. Known connections: "
              + all(tenantId).stream().map(Connection::name).toList()
              + ". Create it (PUT /api/connections/"
              + name
              + "), define it"
              + " under millflow.connections."
              + name
              + ", or pick one of these in the task's Connection field.");
    }
    return connection;
  }

  /**
   * Why the tenant may not use this connection, when it may not: a connection of the tenant's own
   * that leads where the outbound policy refuses (the state store, the runtime's API, loopback...).
   * Those of the configuration and of the runtime are the installation's, and may.
   */
  public Optional<String> refusal(String tenantId, Connection connection) {
    String name = connection.name();
    if (connection.equals(configured(tenantId).get(name))
        || connection.equals(provided(tenantId).get(name))) {
      return Optional.empty();
    }
    return addresses.refusal(connection);
  }

  /**
   * Whether {@code connection}, bound to its connector's record, is exactly the one the
   * installation configures or provides under {@code name}. Drivers' pools are shared by equal
   * connections whatever the tenant, so this asks no tenant; another tenant's copy of such a
   * connection is still refused at use by {@link #refusal}, which does.
   */
  public boolean isInstallations(String name, Record connection) {
    ConnectionKind<?> kind = ConnectionKind.of(connection.getClass());
    return Stream.of(configured.get(name), provided.get(name))
        .filter(Objects::nonNull)
        .filter(installations -> kind.type().equals(installations.type()))
        .anyMatch(installations -> binds(kind, installations, connection));
  }

  private static boolean binds(ConnectionKind<?> kind, Connection installations, Record bound) {
    try {
      return kind.bind(installations).equals(bound);
    } catch (RuntimeException e) {
      return false; // settings its connector refuses: not the one given
    }
  }

  private Map<String, Connection> configured(String tenantId) {
    return tenantId.equals(installationTenant) ? configured : Map.of();
  }

  private Map<String, Connection> provided(String tenantId) {
    return tenantId.equals(installationTenant) ? provided : Map.of();
  }
}
