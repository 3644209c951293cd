package io.millflow.connector.mongodb;

import com.mongodb.MongoClientSettings;
import com.mongodb.spi.dns.InetAddressResolver;
import io.millflow.step.OutboundGuard;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The MongoDB driver's name resolver for a tenant's connection: every host the driver is about to
 * connect to passes through it, those of the connection string, those an SRV record lists and those
 * a replica set announces alike, and each address it resolves to is put before the outbound guard.
 * A refused address is an {@link UnknownHostException} with the guard's message, so the driver
 * never connects to it; the last refusal is kept, because the driver reports it only as a
 * server-selection timeout.
 */
final class GuardedAddressResolver implements InetAddressResolver {

  /** How the system turns a name into addresses, as the driver would without a resolver. */
  static final InetAddressResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  private final OutboundGuard guard;
  private final String field;
  private final InetAddressResolver names;
  private final AtomicReference<String> refusal = new AtomicReference<>();

  /**
   * @param field the setting the servers come from, for the message
   * @param names how a name becomes addresses (the system's resolver, or a test's)
   */
  GuardedAddressResolver(OutboundGuard guard, String field, InetAddressResolver names) {
    this.guard = guard;
    this.field = field;
    this.names = names;
  }

  @Override
  public List<InetAddress> lookupByName(String host) throws UnknownHostException {
    List<InetAddress> addresses = names.lookupByName(host);
    for (InetAddress address : addresses) {
      // The port is not the resolver's to know: the runtime's own ports are judged at save, test
      // and use, on the hosts the connection names.
      Optional<String> refused = guard.refusal(field, host, address, -1);
      if (refused.isPresent()) {
        refusal.set(refused.get());
        throw new UnknownHostException(refused.get());
      }
    }
    return addresses;
  }

  /** The resolver of a client whose addresses {@code guard} checks; empty without a guard. */
  static Optional<GuardedAddressResolver> of(
      Optional<OutboundGuard> guard, String field, InetAddressResolver names) {
    return guard.map(check -> new GuardedAddressResolver(check, field, names));
  }

  /** {@code settings} with the guarded resolver, when there is one. */
  static MongoClientSettings applied(
      MongoClientSettings settings, Optional<GuardedAddressResolver> guarded) {
    return guarded
        .map(
            resolver -> MongoClientSettings.builder(settings).inetAddressResolver(resolver).build())
        .orElse(settings);
  }

  /** The last address refused, as the guard said why. */
  Optional<String> refusal() {
    return Optional.ofNullable(refusal.get());
  }
}
