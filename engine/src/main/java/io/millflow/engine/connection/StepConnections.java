package io.millflow.engine.connection;

import io.millflow.step.Connection;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.StepFailure;
import jakarta.inject.Singleton;

/**
 * Connections as steps get them: resolved by name; refused when it is a tenant's connection that
 * leads where the outbound policy refuses (the state store, the runtime's API, loopback...); and
 * refused at once while the connection is {@code reauth_required} with the very credentials it
 * still has, so a step does not knock on a door whose key was already rejected (which can lock an
 * account). Other credentials, or a check that passes, let steps through.
 */
@Singleton
public class StepConnections {

  private final ConnectionRegistry registry;
  private final ConnectionHealth health;

  public StepConnections(ConnectionRegistry registry, ConnectionHealth health) {
    this.registry = registry;
    this.health = health;
  }

  public Connection resolve(String tenantId, String name) {
    Connection connection = registry.resolve(tenantId, name);
    // Saved before a check existed, or the runtime's ports or the policy changed since: a step
    // never calls a refused address either.
    registry
        .refusal(tenantId, connection)
        .ifPresent(
            problem -> {
              throw new StepFailure("CONNECTION_TARGET_REFUSED", problem);
            });
    if (health.refusedWith(tenantId, connection)) {
      ConnectionStatus status = health.statusOrUnknown(tenantId, name);
      throw new ReauthRequiredException(
          name,
          "Connection '"
              + name
              + "' needs new credentials: "
              + status.lastError()
              + " Enter them again (PUT /api/connections/"
              + name
              + ", or millflow.connections."
              + name
              + ".credentials.* and a restart), or test it again once the system accepts them"
              + " (POST /api/connections/"
              + name
              + "/test); then retry the run.");
    }
    return connection;
  }

  /** A step's call was refused its credentials. */
  public void refused(String tenantId, String name, String message) {
    health.reauthRequired(tenantId, registry.resolve(tenantId, name), message);
  }
}
