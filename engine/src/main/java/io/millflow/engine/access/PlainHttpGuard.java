package io.millflow.engine.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Tokens and credentials must not cross a network in clear: plain HTTP is served on loopback only,
 * unless HTTPS is configured (with plain requests disabled or redirected) or plain HTTP is allowed
 * on purpose, e.g. behind a proxy that terminates TLS ({@code
 * millflow.security.allow-plain-http=true}).
 */
public final class PlainHttpGuard {

  private PlainHttpGuard() {}

  /** Why the runtime must not start as configured, or empty when it may. */
  public static Optional<String> problem(Config config) {
    String host = config.getOptionalValue("quarkus.http.host", String.class).orElse("0.0.0.0");
    boolean tls =
        config.getOptionalValue("quarkus.http.ssl.certificate.files", String.class).isPresent()
            || config
                .getOptionalValue("quarkus.http.ssl.certificate.key-store-file", String.class)
                .isPresent()
            || config
                .getOptionalValue("quarkus.http.tls-configuration-name", String.class)
                .isPresent();
    String insecure =
        config.getOptionalValue("quarkus.http.insecure-requests", String.class).orElse("enabled");
    boolean allowed =
        config.getOptionalValue("millflow.security.allow-plain-http", Boolean.class).orElse(false);
    return problem(host, tls, insecure, allowed);
  }

  static Optional<String> problem(
      String host, boolean tls, String insecureRequests, boolean plainAllowed) {
    boolean servesPlain = !tls || "enabled".equalsIgnoreCase(insecureRequests);
    if (!servesPlain || plainAllowed || isLoopback(host)) {
      return Optional.empty();
    }
    return Optional.of(
        "Millflow would serve plain HTTP on "
            + host
            + ", where API tokens and credentials could be read "
            + "on the network. Configure HTTPS (quarkus.http.ssl.certificate.files and .key-files, with "
            + "quarkus.http.insecure-requests=disabled), listen on 127.0.0.1 only, or, behind a proxy that terminates TLS, "
            + "set millflow.security.allow-plain-http=true.");
  }

  private static boolean isLoopback(String host) {
    if ("localhost".equalsIgnoreCase(host)) {
      return true;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
