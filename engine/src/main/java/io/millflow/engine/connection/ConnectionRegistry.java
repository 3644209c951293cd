package io.millflow.engine.connection;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections steps can use, by name: those in the configuration ({@code millflow.connections.*}), and those the
 * runtime provides itself (the sandbox's {@code plex-sandbox} and {@code warehouse}). Configured ones win, so a user
 * can point a name at a real system.
 */
@Singleton
public class ConnectionRegistry {

  private final Map<String, Connection> configured = new ConcurrentHashMap<>();
  private final Map<String, Connection> provided = new ConcurrentHashMap<>();

  public ConnectionRegistry(MillflowConfig config) {
    config.connections().forEach((name, c) -> configured.put(name, new Connection(name, c.type(), c.settings(), c.credentials())));
  }

  /** Adds a connection the runtime itself offers, unless the configuration already defines that name. */
  public void provide(Connection connection) {
    provided.put(connection.name(), connection);
  }

  /** Every connection a step can use, configured ones over provided ones of the same name, ordered by name. */
  public Collection<Connection> all(String tenantId) {
    Map<String, Connection> all = new TreeMap<>(provided);
    all.putAll(configured);
    return all.values();
  }

  /** Whether the name comes from the configuration (true) or the runtime itself, such as the sandboxes (false). */
  public boolean isConfigured(String name) {
    return configured.containsKey(name);
  }

  public Connection resolve(String tenantId, String name) {
    Connection connection = configured.getOrDefault(name, provided.get(name));
    if (connection == null) {
      TreeSet<String> known = new TreeSet<>(configured.keySet());
      known.addAll(provided.keySet());
      throw new StepFailure("CONNECTION_NOT_FOUND", "No connection named '" + name + "'. Known connections: " + known
          + ". Define it under millflow.connections." + name + " or pick one of these in the task's Connection field.");
    }
    return connection;
  }
}
