package io.millflow.engine.net;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.store.StateStore;
import io.millflow.step.OutboundGuard;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The addresses outbound calls made for a tenant (connection tests and steps of stored connections,
 * event subscriptions, {@code http.request}) may never reach: this runtime's own HTTP ports and the
 * state store's port on this machine, and for HTTP URLs what {@link OutboundPolicy} refuses
 * (loopback, link-local, the unspecified address, private ranges when so configured). Without it, a
 * designer could make Millflow call its own API, log in to its database or read a cloud's metadata
 * service, and read the answers back. Connections the installation itself provides or configures
 * are the admin's and are not checked.
 */
@Singleton
public class OutboundAddresses implements OutboundGuard {

  /**
   * {@code scheme://host:port}, including {@code jdbc:postgresql://}; a bracketed IPv6 host or a
   * name.
   */
  private static final Pattern AUTHORITY =
      Pattern.compile(
          "(?i)^(?:jdbc:)?[a-z][a-z0-9+.-]*://(?:[^@/]*@)?"
              + "(\\[[^\\]]+]|[^:/?#,]+)(?::(\\d+))?");

  private static final String[] HTTP_PORTS = {
    "quarkus.http.port",
    "quarkus.http.test-port",
    "quarkus.http.ssl-port",
    "quarkus.http.test-ssl-port"
  };

  private final StateStore store;
  private final Optional<String> externalStore;
  private final OutboundPolicy policy;

  public OutboundAddresses(StateStore store, MillflowConfig config) {
    this.store = store;
    this.externalStore = config.db().url();
    this.policy =
        new OutboundPolicy(
            config.outbound().allowPrivate(), config.outbound().allowHosts().orElse(List.of()));
  }

  /** Why a step may not call {@code target}, or follow a redirect to it; empty when it may. */
  @Override
  public Optional<String> refusal(String field, URI target) {
    if (target.getHost() == null) {
      return Optional.of("Field '" + field + "' is no absolute URL with a host: " + target);
    }
    return refusal(field, target.toString());
  }

  /**
   * Why {@code url} (an HTTP, JDBC or other URL) may not be called, naming {@code field}; empty
   * when it may.
   */
  public Optional<String> refusal(String field, String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher authority = AUTHORITY.matcher(url.strip());
    if (!authority.find()) {
      return Optional.empty();
    }
    String host = authority.group(1);
    int port = authority.group(2) != null ? Integer.parseInt(authority.group(2)) : defaultPort(url);
    Optional<String> ownPort = refusal(field, host, port);
    return ownPort.isPresent() || !isHttp(url) ? ownPort : policy.refusal(field, host);
  }

  private static boolean isHttp(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("http:") || lower.startsWith("https:");
  }

  /** Why {@code host:port} may not be called, naming {@code field}; empty when it may. */
  public Optional<String> refusal(String field, String host, int port) {
    if (!forbiddenPorts().contains(port) || !isThisMachine(host)) {
      return externalStoreRefusal(field, host, port);
    }
    return Optional.of(
        "Field '"
            + field
            + "' points at port "
            + port
            + " of this machine, which is Millflow's own "
            + (port == storePort().orElse(-1) ? "state store" : "API")
            + ": Millflow never calls it for a flow or a test."
            + " Give the address of the system itself.");
  }

  /**
   * The first setting of a connection that points where no call may go: a URL in any setting, or a
   * {@code host} with a {@code port}.
   */
  public Optional<String> refusal(Map<String, String> settings) {
    for (Map.Entry<String, String> setting : new java.util.TreeMap<>(settings).entrySet()) {
      Optional<String> refused = refusal("settings." + setting.getKey(), setting.getValue());
      if (refused.isPresent()) {
        return refused;
      }
    }
    String host = settings.get("host");
    String port = settings.get("port");
    if (host != null && port != null && port.strip().matches("\\d{1,5}")) {
      return refusal("settings.port", host.strip(), Integer.parseInt(port.strip()));
    }
    return Optional.empty();
  }

  private Optional<String> externalStoreRefusal(String field, String host, int port) {
    if (externalStore.isEmpty()) {
      return Optional.empty();
    }
    Matcher store = AUTHORITY.matcher(externalStore.get());
    if (!store.find()) {
      return Optional.empty();
    }
    int storePort = store.group(2) == null ? 5432 : Integer.parseInt(store.group(2));
    boolean same =
        storePort == port
            && (store.group(1).equalsIgnoreCase(host)
                || isThisMachine(store.group(1)) && isThisMachine(host));
    return same
        ? Optional.of(
            "Field '"
                + field
                + "' points at Millflow's own state store: Millflow never calls it for"
                + " a flow or a test. Give the address of the system itself.")
        : Optional.empty();
  }

  private Set<Integer> forbiddenPorts() {
    Set<Integer> ports = new TreeSet<>();
    var config = ConfigProvider.getConfig();
    for (String key : HTTP_PORTS) {
      config.getOptionalValue(key, Integer.class).filter(port -> port > 0).ifPresent(ports::add);
    }
    storePort().ifPresent(ports::add);
    return ports;
  }

  private Optional<Integer> storePort() {
    return store.embeddedServer().map(server -> server.port());
  }

  /**
   * Loopback, the wildcard address, or a name that resolves to one of them or to an address of this
   * machine.
   */
  static boolean isThisMachine(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")
        || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
      return true;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(bare)) {
        if (address.isLoopbackAddress()
            || address.isAnyLocalAddress()
            || java.net.NetworkInterface.getByInetAddress(address) != null) {
          return true;
        }
      }
    } catch (UnknownHostException | java.net.SocketException e) {
      return false; // a name that does not resolve reaches nothing
    }
    return false;
  }

  private static int defaultPort(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    if (lower.startsWith("https:")) {
      return 443;
    }
    if (lower.startsWith("http:")) {
      return 80;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      return 5432;
    }
    return -1;
  }
}
