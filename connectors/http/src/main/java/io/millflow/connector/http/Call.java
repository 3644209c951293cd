package io.millflow.connector.http;

import io.millflow.step.ConnectionKind;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The connection a step's requests go out with: its name for messages, its base URL (the only
 * origin its credentials are sent to), its sign-in, timeout, and the secret values no message may
 * contain.
 */
record Call(
    String connectionName,
    URI baseUrl,
    Authentication authentication,
    Duration timeout,
    List<String> secrets) {

  static Call of(String connectionName, HttpConnection connection) {
    return new Call(
        connectionName,
        connection.baseUrl(),
        Authentication.of(connectionName, connection),
        Duration.ofSeconds(connection.timeoutSeconds()),
        ConnectionKind.of(HttpConnection.class).secretValues(connection));
  }

  /**
   * Whether {@code uri} has the base URL's scheme, host and port: only then are credentials sent.
   */
  boolean isOwnOrigin(URI uri) {
    return scheme(uri).equals(scheme(baseUrl))
        && Objects.equals(host(uri), host(baseUrl))
        && port(uri) == port(baseUrl);
  }

  private static String scheme(URI uri) {
    return String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
  }

  private static String host(URI uri) {
    return uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equals(scheme(uri)) ? 443 : 80;
  }
}
