package io.millflow.engine.connection;

import io.millflow.engine.net.OutboundAddresses;
import io.millflow.step.ConnectionSockets;
import io.millflow.step.OutboundGuard;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The runtime's {@link ConnectionSockets}: a tenant's connection has every address its driver
 * connects to checked by the outbound policy; one the installation configures or provides, as it
 * is, is the admin's and is not (the sandboxes' warehouse lives in the state store's server).
 */
@Singleton
public class TenantConnectionSockets implements ConnectionSockets {

  private final ConnectionRegistry registry;
  private final OutboundAddresses addresses;

  public TenantConnectionSockets(ConnectionRegistry registry, OutboundAddresses addresses) {
    this.registry = registry;
    this.addresses = addresses;
  }

  @Override
  public Optional<OutboundGuard> guard(String name, Record connection) {
    return registry.isInstallations(name, connection) ? Optional.empty() : Optional.of(addresses);
  }
}
