package io.millflow.engine.net;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.OutboundGuard;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The runtime's {@link OutboundPolicy}, built from {@code millflow.outbound.*} and what this
 * runtime listens on, applied to everything a tenant makes it call: connections (at save, test and
 * use), event subscriptions, {@code http.request} and its redirects. Without it, a designer could
 * make Millflow call its own API, log in to its database or read a cloud's metadata service, and
 * read the answers back. Connections the installation itself provides or configures are the admin's
 * and are not checked (the caller decides).
 */
@Singleton
public class OutboundAddresses implements OutboundGuard {

  private static final String[] HTTP_PORTS = {
    "quarkus.http.port",
    "quarkus.http.test-port",
    "quarkus.http.ssl-port",
    "quarkus.http.test-ssl-port"
  };

  private final OutboundPolicy policy;

  @Inject
  public OutboundAddresses(StateStore store, MillflowConfig config) {
    this(
        new OutboundPolicy(
            config.outbound().allowPrivate(),
            config.outbound().allowHosts().orElse(List.of()),
            new OwnEndpoints(
                OutboundAddresses::httpPorts,
                () -> store.embeddedServer().map(server -> server.port()),
                store.embeddedServer().isPresent()
                    ? List.of()
                    : config.db().url().map(OutboundAddresses::servers).orElse(List.of()))));
  }

  OutboundAddresses(OutboundPolicy policy) {
    this.policy = policy;
  }

  /** The policy itself, for the code that connects (and so checks the address it connects to). */
  public OutboundPolicy policy() {
    return policy;
  }

  /** Why a step may not call {@code target}, or follow a redirect to it; empty when it may. */
  @Override
  public Optional<String> refusal(String field, URI target) {
    return policy.refusal(field, target);
  }

  /** Why a driver may not connect to the address it resolved: {@link OutboundPolicy}'s answer. */
  @Override
  public Optional<String> refusal(String field, String host, InetAddress address, int port) {
    return policy.refusal(field, host, address, port);
  }

  /**
   * Why {@code url} (an HTTP, JDBC, MongoDB or other URL) may not be called, naming {@code field};
   * empty when it may, or when it names no server.
   */
  public Optional<String> refusal(String field, String url) {
    return ConnectionTargets.url(url, field)
        .flatMap(target -> policy.refusal(field, target.host(), target.port()));
  }

  /**
   * Why a tenant's connection may not be saved, tested or used: the first server it leads to that
   * the policy refuses, with the connection's name and the setting.
   */
  public Optional<String> refusal(Connection connection) {
    for (ConnectionTargets.Target target : ConnectionTargets.of(connection)) {
      Optional<String> refused = policy.refusal(target.field(), target.host(), target.port());
      if (refused.isPresent()) {
        return Optional.of("Connection '" + connection.name() + "': " + refused.get());
      }
    }
    return Optional.empty();
  }

  private static List<OwnEndpoints.Endpoint> servers(String jdbcUrl) {
    return ConnectionTargets.postgres(jdbcUrl, "millflow.db.url").stream()
        .map(target -> new OwnEndpoints.Endpoint(target.host(), target.port()))
        .toList();
  }

  private static Set<Integer> httpPorts() {
    Set<Integer> ports = new TreeSet<>();
    var config = ConfigProvider.getConfig();
    for (String key : HTTP_PORTS) {
      config.getOptionalValue(key, Integer.class).filter(port -> port > 0).ifPresent(ports::add);
    }
    return ports;
  }
}
