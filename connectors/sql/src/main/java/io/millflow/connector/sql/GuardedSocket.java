package io.millflow.connector.sql;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Optional;

/**
 * A plain TCP socket that puts the address it is about to connect to before the outbound guard, and
 * refuses ({@link OutboundAddressRefused}) before any packet leaves. The address is the one the
 * driver resolved for this very connection, so a name whose DNS answer changed since a check cannot
 * reach loopback or the state store. An address left unresolved (for a SOCKS proxy to resolve) is
 * refused: where it leads cannot be checked.
 */
public final class GuardedSocket extends Socket {

  /** The guard's question, in JDK types (see {@link SocketGuards}). */
  @FunctionalInterface
  interface AddressCheck {
    Optional<String> refusal(String field, String host, InetAddress address, int port);
  }

  private final Optional<AddressCheck> check;
  private final String field;

  /**
   * @param check the guard's check; empty refuses every address (a socket whose guard was lost)
   * @param field the setting that named the server, for the message
   */
  GuardedSocket(Optional<AddressCheck> check, String field) {
    this.check = check;
    this.field = field;
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    Optional<String> refused = refusal(endpoint);
    if (refused.isPresent()) {
      close();
      throw new OutboundAddressRefused(refused.get());
    }
    super.connect(endpoint, timeout);
  }

  private Optional<String> refusal(SocketAddress endpoint) {
    if (check.isEmpty()) {
      return Optional.of(
          "Field '" + field + "' cannot be checked against the outbound policy: refused.");
    }
    if (!(endpoint instanceof InetSocketAddress target) || target.isUnresolved()) {
      return Optional.of(
          "Field '"
              + field
              + "' leads to "
              + endpoint
              + ", which is not resolved here, so it cannot be checked against the outbound"
              + " policy: refused.");
    }
    return check
        .get()
        .refusal(field, target.getHostString(), target.getAddress(), target.getPort());
  }
}
