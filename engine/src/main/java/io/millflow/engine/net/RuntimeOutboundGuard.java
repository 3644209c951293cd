package io.millflow.engine.net;

import io.millflow.step.OutboundGuard;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * The runtime's {@link OutboundAddresses} for the connectors' HTTP clients, which find it through
 * {@link java.util.ServiceLoader} (they are built before, and apart from, the container) and ask it
 * before each redirect they follow. Outside a running runtime nothing can be judged, so every
 * target is refused: a redirect is never followed unchecked where this runtime is on the class
 * path.
 */
public final class RuntimeOutboundGuard implements OutboundGuard {

  @Override
  public Optional<String> refusal(String field, URI target) {
    return runtime()
        .map(addresses -> addresses.refusal(field, target))
        .orElseGet(() -> notRunning(field));
  }

  @Override
  public Optional<String> refusal(String field, String host, InetAddress address, int port) {
    return runtime()
        .map(addresses -> addresses.refusal(field, host, address, port))
        .orElseGet(() -> notRunning(field));
  }

  private static Optional<OutboundAddresses> runtime() {
    ArcContainer container = Arc.container();
    return container == null || !container.isRunning()
        ? Optional.empty()
        : Optional.of(container.instance(OutboundAddresses.class).get());
  }

  private static Optional<String> notRunning(String field) {
    return Optional.of(
        "Field '"
            + field
            + "' cannot be checked against the outbound policy: the runtime is not running.");
  }
}
