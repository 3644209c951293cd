package io.millflow.step.testing;

import io.millflow.step.OutboundGuard;
import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * An outbound guard for connectors tested apart from the runtime, shaped like its policy in the one
 * respect the tests need: loopback addresses are refused, unless the host, as the connection or a
 * server wrote it, is allowed. A name is judged by name as written (a loopback literal), and a
 * resolved address by that address, so a test can tell which of the two a connector asked about.
 */
public record LoopbackGuard(Set<String> allowedHosts) implements OutboundGuard {

  public static LoopbackGuard refusingLoopback() {
    return new LoopbackGuard(Set.of());
  }

  @Override
  public Optional<String> refusal(String field, URI target) {
    String host = target.getHost();
    boolean literalLoopback =
        host != null && (host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    return literalLoopback && !allowedHosts.contains(host)
        ? Optional.of(message(field, host, host))
        : Optional.empty();
  }

  @Override
  public Optional<String> refusal(String field, String host, InetAddress address, int port) {
    return address.isLoopbackAddress() && !allowedHosts.contains(host)
        ? Optional.of(message(field, host, address.getHostAddress()))
        : Optional.empty();
  }

  private static String message(String field, String host, String address) {
    return "Field '"
        + field
        + "' points at "
        + host
        + ", which resolves to "
        + address
        + ", a loopback address (this machine). An administrator may add the host to"
        + " millflow.outbound.allow-hosts.";
  }
}
