package io.millflow.step;

import java.net.InetAddress;
import java.net.URI;
import java.util.Optional;

/**
 * Says whether the runtime may call an address a user gave (a step's URL, a redirect it received, a
 * connection's token URL). The engine provides it as a bean; it looks at where the host resolves
 * to, so a name that leads to loopback or to the cloud metadata address is refused like the address
 * itself. A step asks before every request it sends, redirects included.
 */
public interface OutboundGuard {

  /**
   * Why {@code target} may not be called, as a sentence naming {@code field} and the setting that
   * would allow it; empty when it may.
   */
  Optional<String> refusal(String field, URI target);

  /**
   * Why the runtime may not connect to {@code address}, the address {@code host} (as the connection
   * or a server named it) resolved to for this very connection, on {@code port} (-1 when the caller
   * cannot know it): a driver asks just before it connects, so a DNS answer that changed since a
   * check cannot lead elsewhere. The runtime's policy also honours its allow list by {@code host};
   * this default judges the address alone, as a literal.
   */
  default Optional<String> refusal(String field, String host, InetAddress address, int port) {
    String literal = address.getHostAddress().replaceFirst("%.*$", ""); // no IPv6 scope
    String bracketed = literal.contains(":") ? "[" + literal + "]" : literal;
    return refusal(field, URI.create("tcp://" + bracketed + (port >= 0 ? ":" + port : "")));
  }

  /**
   * {@link #refusal} as a step failure, code {@code OUTBOUND_ADDRESS_REFUSED}: no retry makes a
   * refused address callable.
   */
  default void check(String field, URI target) {
    refusal(field, target)
        .ifPresent(
            refused -> {
              throw new StepFailure("OUTBOUND_ADDRESS_REFUSED", refused);
            });
  }
}
