package io.millflow.engine.net;

import io.millflow.step.OutboundGuard;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one decision on where a call made for a tenant may go (an HTTP URL, a redirect, a database
 * server): never to the runtime's {@link OwnEndpoints} (its API, its state store), whatever else is
 * allowed; and for every host, judged on the addresses the name resolves to: never loopback,
 * link-local (169.254.0.0/16 with the cloud metadata address, fe80::/10) or the unspecified
 * address; private ranges only while {@value #ALLOW_PRIVATE} is true; hosts in {@value
 * #ALLOW_HOSTS} always. A check by name resolves the name itself; a driver that connects asks
 * {@link #refusal(String, String, InetAddress, int)} with the address it resolved, so what is
 * checked is what is connected to (the HTTP client cannot: see docs/configuration.md).
 */
public final class OutboundPolicy implements OutboundGuard {

  static final String ALLOW_PRIVATE = "millflow.outbound.allow-private";
  static final String ALLOW_HOSTS = "millflow.outbound.allow-hosts";

  private final boolean allowPrivate;
  private final Set<String> allowedHosts = new TreeSet<>();
  private final OwnEndpoints own;

  /** A policy that knows no endpoints of a runtime's own: for steps tested apart from one. */
  public OutboundPolicy(boolean allowPrivate, Collection<String> allowedHosts) {
    this(allowPrivate, allowedHosts, OwnEndpoints.none());
  }

  public OutboundPolicy(boolean allowPrivate, Collection<String> allowedHosts, OwnEndpoints own) {
    this.allowPrivate = allowPrivate;
    this.own = own;
    allowedHosts.stream().map(OwnEndpoints::bare).forEach(this.allowedHosts::add);
  }

  @Override
  public Optional<String> refusal(String field, URI target) {
    if (target.getHost() == null) {
      return Optional.of("Field '" + field + "' is no absolute URL with a host: " + target);
    }
    int port = target.getPort();
    if (port < 0) {
      port = "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }
    return refusal(field, target.getHost(), port);
  }

  /**
   * Why {@code host:port} may not be called, naming {@code field} and the fix: one of the runtime's
   * own endpoints (never allowed), or a host {@link #refusal(String, String)} refuses; empty when
   * it may. A port below 0 (unknown) is judged on the host alone.
   */
  public Optional<String> refusal(String field, String host, int port) {
    return own.refusal(field, host, port).or(() -> refusal(field, host));
  }

  /**
   * Why {@code host} may not be called, naming {@code field} and the setting; empty when it may.
   */
  public Optional<String> refusal(String field, String host) {
    String bare = OwnEndpoints.bare(host);
    if (allowedHosts.contains(bare)) {
      return Optional.empty();
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(bare);
    } catch (UnknownHostException e) {
      return Optional.empty(); // a name that does not resolve reaches nothing; the call says so
    }
    for (InetAddress address : addresses) {
      Optional<String> refused = refusal(field, host, address);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  /**
   * Why the runtime may not connect to {@code address} on {@code port} (-1 when unknown), the
   * address {@code host} resolved to for this connection: judged on that address and nothing
   * resolved again, the runtime's own endpoints first; a host on the allow list as written may.
   */
  @Override
  public Optional<String> refusal(String field, String host, InetAddress address, int port) {
    return own.refusal(field, address.getHostAddress(), port)
        .or(
            () ->
                allowedHosts.contains(OwnEndpoints.bare(host))
                    ? Optional.empty()
                    : refusal(field, host, address));
  }

  private Optional<String> refusal(String field, String host, InetAddress address) {
    return forbiddenKind(address)
        .map(
            kind ->
                "Field '"
                    + field
                    + "' points at "
                    + host
                    + (isLiteral(OwnEndpoints.bare(host))
                        ? ", "
                        : ", which resolves to " + address.getHostAddress() + ", ")
                    + kind
                    + ": Millflow does not call it for a flow or a test. "
                    + (kind.startsWith("a private")
                        ? "Set "
                            + ALLOW_PRIVATE
                            + "=true to allow private addresses, or add the host to "
                        : "An administrator may add the host to ")
                    + ALLOW_HOSTS
                    + ".");
  }

  private Optional<String> forbiddenKind(InetAddress address) {
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address (this machine)");
    }
    if (address.isAnyLocalAddress() || isThisNetwork(address)) {
      return Optional.of("the unspecified address (this machine)");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address (such as a cloud's metadata service)");
    }
    if (!allowPrivate && isPrivate(address)) {
      return Optional.of("a private address");
    }
    return Optional.empty();
  }

  /** 0.0.0.0/8: Linux connects a call to any of it to this machine. */
  private static boolean isThisNetwork(InetAddress address) {
    return address.getAddress().length == 4 && address.getAddress()[0] == 0;
  }

  private static boolean isPrivate(InetAddress address) {
    return address.isSiteLocalAddress()
        || address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
  }

  private static boolean isLiteral(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }
}
