package io.millflow.engine.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the runtime itself listens on, which no call made for a tenant may reach whatever the allow
 * list says: its HTTP ports on this machine, and the state store (the embedded server's port on
 * this machine, or the external server's host and port). The state store holds every tenant's
 * tokens and secrets. Ports are read when asked: a test's HTTP port is known only once it listens.
 *
 * @param apiPorts this runtime's HTTP ports
 * @param embeddedStorePort the embedded state store's port, when it runs here
 * @param externalStore the external state store's servers, when it is elsewhere
 */
public record OwnEndpoints(
    Supplier<Set<Integer>> apiPorts,
    Supplier<Optional<Integer>> embeddedStorePort,
    List<Endpoint> externalStore) {

  /** One server: a host as written and a port. */
  public record Endpoint(String host, int port) {

    @Override
    public String toString() {
      return host + ":" + port;
    }
  }

  /** No endpoints of its own: for policies tested apart from a runtime. */
  public static OwnEndpoints none() {
    return new OwnEndpoints(Set::of, Optional::empty, List.of());
  }

  /** Why {@code host:port} is one of the runtime's own endpoints, naming {@code field}. */
  Optional<String> refusal(String field, String host, int port) {
    if (embeddedStorePort.get().filter(store -> store == port).isPresent() && isThisMachine(host)
        || externalStore.stream().anyMatch(store -> leadsTo(host, port, store))) {
      return Optional.of(
          "Field '"
              + field
              + "' points at Millflow's own state store ("
              + host
              + ":"
              + port
              + "), which no connection may reach: it holds every tenant's tokens and secrets."
              + " Point "
              + field
              + " at a server of your own.");
    }
    if (apiPorts.get().contains(port) && isThisMachine(host)) {
      return Optional.of(
          "Field '"
              + field
              + "' points at port "
              + port
              + " of this machine, which is Millflow's own API: Millflow never calls it for a"
              + " flow or a test. Give the address of the system itself.");
    }
    return Optional.empty();
  }

  private static boolean leadsTo(String host, int port, Endpoint store) {
    if (store.port() != port) {
      return false;
    }
    List<InetAddress> first = addresses(host);
    List<InetAddress> second = addresses(store.host());
    return bare(host).equals(bare(store.host()))
        || isThisMachine(host) && isThisMachine(store.host())
        || first.stream().anyMatch(second::contains);
  }

  /**
   * Loopback, the wildcard address, or a name that resolves to one of them or to an address of this
   * machine.
   */
  static boolean isThisMachine(String host) {
    String bare = bare(host);
    if (bare.equals("localhost") || bare.endsWith(".localhost")) {
      return true;
    }
    for (InetAddress address : addresses(bare)) {
      try {
        if (address.isLoopbackAddress()
            || address.isAnyLocalAddress()
            || NetworkInterface.getByInetAddress(address) != null) {
          return true;
        }
      } catch (SocketException e) {
        // an interface that cannot be read is none of ours to refuse
      }
    }
    return false;
  }

  private static List<InetAddress> addresses(String host) {
    try {
      return List.of(InetAddress.getAllByName(bare(host)));
    } catch (UnknownHostException e) {
      return List.of(); // a name that does not resolve reaches nothing
    }
  }

  static String bare(String host) {
    String stripped = host.strip().toLowerCase(Locale.ROOT);
    return stripped.startsWith("[") && stripped.endsWith("]")
        ? stripped.substring(1, stripped.length() - 1)
        : stripped;
  }
}
