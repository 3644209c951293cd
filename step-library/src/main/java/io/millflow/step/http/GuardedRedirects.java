package io.millflow.step.http;

import io.millflow.step.OutboundGuard;
import io.millflow.step.StepFailure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Redirects followed by hand instead of by the JDK, so every hop goes through the runtime's {@link
 * OutboundGuard} before it is sent: a server cannot send the runtime on to loopback, the cloud
 * metadata address or the state store by answering with a {@code Location}. Follows as the JDK's
 * {@code NORMAL} (never from https to http) or {@code ALWAYS} would, at most {@value
 * #MAX_REDIRECTS} hops; 303, and 301/302 after a POST, continue as GET; 307 and 308 send the same
 * method and body again (a body publisher that can be subscribed again, such as one reading a
 * dataset from its start, sends it whole again). A hop to another origin drops {@code
 * Authorization}, {@code Cookie} and the caller's own credential headers (e.g. an API key's), so a
 * credential goes only where it was meant to.
 */
final class GuardedRedirects {

  static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> CREDENTIAL_HEADERS = Set.of("authorization", "cookie");

  private final HttpClient.Redirect policy;
  private final Optional<OutboundGuard> guard;
  private final Set<String> credentialHeaders;

  GuardedRedirects(HttpClient.Redirect policy, Optional<OutboundGuard> guard) {
    this(policy, guard, Set.of());
  }

  /** {@code credentialHeaders}: more headers than these two that carry a credential. */
  GuardedRedirects(
      HttpClient.Redirect policy, Optional<OutboundGuard> guard, Set<String> credentialHeaders) {
    this.policy = policy;
    this.guard = guard;
    Set<String> names = new java.util.HashSet<>(CREDENTIAL_HEADERS);
    credentialHeaders.forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
    this.credentialHeaders = Set.copyOf(names);
  }

  /** Whether an answer with this status and headers is one this follower goes on from. */
  boolean follows(HttpRequest request, int status, HttpHeaders headers) {
    return target(request, status, headers).isPresent();
  }

  /**
   * The request of the next hop after {@code request} was answered with {@code status}, checked by
   * the guard; empty when the answer is final.
   *
   * @param hop how many redirects were followed before this one
   * @throws StepFailure {@code OUTBOUND_ADDRESS_REFUSED} when the guard refuses the target, {@code
   *     HTTP_TOO_MANY_REDIRECTS} after {@value #MAX_REDIRECTS} hops
   */
  Optional<HttpRequest> next(HttpRequest request, int status, HttpHeaders headers, int hop) {
    Optional<URI> target = target(request, status, headers);
    if (target.isEmpty()) {
      return Optional.empty();
    }
    if (hop >= MAX_REDIRECTS) {
      throw new StepFailure(
          "HTTP_TOO_MANY_REDIRECTS",
          request.method()
              + " "
              + withoutQuery(request.uri())
              + " was redirected more than "
              + MAX_REDIRECTS
              + " times.");
    }
    URI next = target.get();
    guard.ifPresent(
        g -> g.check("redirect " + (hop + 1) + " of " + withoutQuery(request.uri()), next));
    return Optional.of(request(request, status, next));
  }

  private Optional<URI> target(HttpRequest request, int status, HttpHeaders headers) {
    if (policy == HttpClient.Redirect.NEVER || !REDIRECTS.contains(status)) {
      return Optional.empty();
    }
    Optional<URI> next =
        headers
            .firstValue("Location")
            .map(String::strip)
            .filter(location -> !location.isEmpty())
            .flatMap(location -> resolve(request.uri(), location));
    boolean downgrade =
        next.isPresent()
            && "https".equalsIgnoreCase(request.uri().getScheme())
            && !"https".equalsIgnoreCase(next.get().getScheme());
    return policy == HttpClient.Redirect.NORMAL && downgrade ? Optional.empty() : next;
  }

  private static Optional<URI> resolve(URI base, String location) {
    try {
      URI next = base.resolve(location);
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      return scheme.equals("http") || scheme.equals("https") ? Optional.of(next) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // no URL: the answer stands as it is
    }
  }

  private HttpRequest request(HttpRequest request, int status, URI next) {
    boolean sameOrigin = sameOrigin(request.uri(), next);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                request,
                (name, value) ->
                    sameOrigin || !credentialHeaders.contains(name.toLowerCase(Locale.ROOT)))
            .uri(next);
    boolean asGet =
        status == 303 && !request.method().equals("HEAD")
            || (status == 301 || status == 302) && request.method().equals("POST");
    return (asGet ? builder.GET() : builder).build();
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(lower(a.getScheme()), lower(b.getScheme()))
        && Objects.equals(lower(a.getHost()), lower(b.getHost()))
        && port(a) == port(b);
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1
        ? uri.getPort()
        : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The URL for a message: a query string may hold a key. */
  private static String withoutQuery(URI uri) {
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + Objects.toString(uri.getRawPath(), "");
  }

  /** Reads the guard the runtime provides through {@link java.util.ServiceLoader}, if any. */
  static Optional<OutboundGuard> runtimeGuard() {
    return java.util.ServiceLoader.load(OutboundGuard.class, OutboundGuard.class.getClassLoader())
        .findFirst();
  }

  /** A body handler that discards the body of an answer this follower goes on from. */
  <T> HttpResponse.BodyHandler<T> discardingFollowed(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return info ->
        follows(request, info.statusCode(), info.headers())
            ? HttpResponse.BodySubscribers.replacing(null)
            : handler.apply(info);
  }
}
