package io.millflow.step;

import java.util.Optional;

/**
 * Whether the connections a connector's driver opens for a connection (a JDBC pool's sockets, a
 * MongoDB client's servers) are checked at the moment they connect, against the address the driver
 * resolved: a name checked when the connection was saved may resolve elsewhere minutes later, when
 * a pool opens its next session, or a server may announce others (a replica set). The engine
 * provides it as a bean: its outbound guard for a tenant's connection; nothing for one the
 * installation configures or provides (its addresses are the admin's, and the sandboxes' warehouse
 * lives in the state store's own server).
 */
@FunctionalInterface
public interface ConnectionSockets {

  /**
   * The guard every address connected to for connection {@code name} passes first; empty when they
   * are not checked.
   *
   * @param connection the connection bound to its connector's record
   */
  Optional<OutboundGuard> guard(String name, Record connection);

  /** Checks nothing: for a connector used apart from a runtime (its tests, the benchmarks). */
  static ConnectionSockets unchecked() {
    return (name, connection) -> Optional.empty();
  }
}
