package io.millflow.engine.net;

import io.millflow.step.OutboundGuard;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which hosts a user-given URL may lead to, judged on the addresses the name resolves to: never
 * loopback, link-local (169.254.0.0/16 with the cloud metadata address, fe80::/10) or the
 * unspecified address; private ranges only while {@value #ALLOW_PRIVATE} is true; hosts in {@value
 * #ALLOW_HOSTS} always. The JDK caches a resolved name (30 s by default), so the connection that
 * follows a check reaches the address that was checked, whatever a short DNS TTL says.
 */
public final class OutboundPolicy implements OutboundGuard {

  static final String ALLOW_PRIVATE = "millflow.outbound.allow-private";
  static final String ALLOW_HOSTS = "millflow.outbound.allow-hosts";

  private final boolean allowPrivate;
  private final Set<String> allowedHosts = new TreeSet<>();

  public OutboundPolicy(boolean allowPrivate, Collection<String> allowedHosts) {
    this.allowPrivate = allowPrivate;
    allowedHosts.stream().map(OutboundPolicy::bare).forEach(this.allowedHosts::add);
  }

  @Override
  public Optional<String> refusal(String field, URI target) {
    return target.getHost() == null
        ? Optional.of("Field '" + field + "' is no absolute URL with a host: " + target)
        : refusal(field, target.getHost());
  }

  /**
   * Why {@code host} may not be called, naming {@code field} and the setting; empty when it may.
   */
  public Optional<String> refusal(String field, String host) {
    String bare = bare(host);
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
      Optional<String> kind = forbiddenKind(address);
      if (kind.isPresent()) {
        return Optional.of(
            "Field '"
                + field
                + "' points at "
                + host
                + (isLiteral(bare)
                    ? ", "
                    : ", which resolves to " + address.getHostAddress() + ", ")
                + kind.get()
                + ": Millflow does not call it for a flow or a test. "
                + (kind.get().startsWith("a private")
                    ? "Set "
                        + ALLOW_PRIVATE
                        + "=true to allow private addresses, or add the host to "
                    : "An administrator may add the host to ")
                + ALLOW_HOSTS
                + ".");
      }
    }
    return Optional.empty();
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

  private static String bare(String host) {
    String stripped = host.strip().toLowerCase(Locale.ROOT);
    return stripped.startsWith("[") && stripped.endsWith("]")
        ? stripped.substring(1, stripped.length() - 1)
        : stripped;
  }
}
