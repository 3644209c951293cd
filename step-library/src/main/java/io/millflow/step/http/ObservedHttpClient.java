package io.millflow.step.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client connectors call through: each call watched by the runtime's {@link OutboundHttp}
 * (one watched call per hop), and redirects followed by {@link GuardedRedirects}, so every hop
 * passes the runtime's {@link io.millflow.step.OutboundGuard}; everything else is the wrapped
 * client's. The wrapped client must not follow redirects itself (the JDK would follow them past the
 * guard): build it with {@link HttpClient.Redirect#NEVER} and name the policy here. Where the
 * runtime provides neither watcher nor guard, and no redirect is to be followed, {@link #of} hands
 * back the client itself.
 */
public final class ObservedHttpClient extends HttpClient {

  private static final OutboundHttp UNWATCHED = Unwatched::new;

  private final HttpClient client;
  private final OutboundHttp observer;
  private final Redirect redirectPolicy;
  private final GuardedRedirects redirects;

  private ObservedHttpClient(
      HttpClient client,
      OutboundHttp observer,
      Redirect redirectPolicy,
      GuardedRedirects redirects) {
    this.client = client;
    this.observer = observer;
    this.redirectPolicy = redirectPolicy;
    this.redirects = redirects;
  }

  /** {@code client}, which follows no redirect, its calls watched by the runtime. */
  public static HttpClient of(HttpClient client) {
    return of(client, Redirect.NEVER);
  }

  /**
   * {@code client}, its calls watched by the runtime and its redirects followed as {@code
   * redirects} says, each hop checked by the runtime's outbound guard.
   *
   * @throws IllegalArgumentException when {@code client} follows redirects itself
   */
  public static HttpClient of(HttpClient client, Redirect redirects) {
    requireNoRedirects(client);
    Optional<OutboundHttp> observer =
        ServiceLoader.load(OutboundHttp.class, OutboundHttp.class.getClassLoader()).findFirst();
    if (observer.isEmpty() && redirects == Redirect.NEVER) {
      return client;
    }
    return new ObservedHttpClient(
        client,
        observer.orElse(UNWATCHED),
        redirects,
        new GuardedRedirects(redirects, GuardedRedirects.runtimeGuard()));
  }

  /**
   * As {@link #of(HttpClient, Redirect)}, each hop checked by the caller's {@code guard}, and
   * {@code credentialHeaders} (beside {@code Authorization} and {@code Cookie}) dropped when a hop
   * leaves the origin: for a connector that has the guard injected and its own credential headers,
   * such as an API key's.
   */
  public static HttpClient of(
      HttpClient client,
      Redirect redirects,
      io.millflow.step.OutboundGuard guard,
      java.util.Set<String> credentialHeaders) {
    requireNoRedirects(client);
    return new ObservedHttpClient(
        client,
        ServiceLoader.load(OutboundHttp.class, OutboundHttp.class.getClassLoader())
            .findFirst()
            .orElse(UNWATCHED),
        redirects,
        new GuardedRedirects(redirects, Optional.of(guard), credentialHeaders));
  }

  private static void requireNoRedirects(HttpClient client) {
    if (client.followRedirects() != Redirect.NEVER) {
      throw new IllegalArgumentException(
          "The client follows redirects itself, past the outbound guard: build it with"
              + " Redirect.NEVER and pass the policy to ObservedHttpClient.of.");
    }
  }

  /**
   * As {@link #of(HttpClient, Redirect)} with a guard of the caller's and no watcher: for tests.
   */
  static HttpClient of(
      HttpClient client, Redirect redirects, io.millflow.step.OutboundGuard guard) {
    return new ObservedHttpClient(
        client, UNWATCHED, redirects, new GuardedRedirects(redirects, Optional.of(guard)));
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpRequest hop = request;
    for (int followed = 0; ; followed++) {
      HttpResponse<T> response = sendOnce(hop, redirects.discardingFollowed(hop, handler));
      Optional<HttpRequest> next =
          redirects.next(hop, response.statusCode(), response.headers(), followed);
      if (next.isEmpty()) {
        return response;
      }
      hop = next.get();
    }
  }

  private <T> HttpResponse<T> sendOnce(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    OutboundHttp.Call call = observer.starting(request);
    try {
      HttpResponse<T> response = client.send(call.request(), handler);
      call.answered(response.statusCode());
      return response;
    } catch (IOException | InterruptedException | RuntimeException e) {
      call.failed(e);
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    return sendAsync(request, handler, null);
  }

  /** Redirects followed as by {@link #send}; push promises are offered for the first hop only. */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromises) {
    return sendAsync(request, handler, pushPromises, 0);
  }

  private <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromises,
      int followed) {
    return sendOnceAsync(request, redirects.discardingFollowed(request, handler), pushPromises)
        .thenCompose(
            response ->
                redirects
                    .next(request, response.statusCode(), response.headers(), followed)
                    .map(next -> sendAsync(next, handler, null, followed + 1))
                    .orElseGet(() -> CompletableFuture.completedFuture(response)));
  }

  private <T> CompletableFuture<HttpResponse<T>> sendOnceAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromises) {
    OutboundHttp.Call call = observer.starting(request);
    return client
        .sendAsync(call.request(), handler, pushPromises)
        .whenComplete(
            (response, failure) -> {
              if (failure == null) {
                call.answered(response.statusCode());
              } else {
                call.failed(failure);
              }
            });
  }

  /** A call no one watches: sent as it is. */
  private record Unwatched(HttpRequest request) implements OutboundHttp.Call {
    @Override
    public void answered(int status) {}

    @Override
    public void failed(Throwable failure) {}
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return client.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return client.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return redirectPolicy;
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return client.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return client.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return client.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return client.authenticator();
  }

  @Override
  public Version version() {
    return client.version();
  }

  @Override
  public Optional<Executor> executor() {
    return client.executor();
  }

  @Override
  public void shutdown() {
    client.shutdown();
  }

  @Override
  public boolean awaitTermination(Duration duration) throws InterruptedException {
    return client.awaitTermination(duration);
  }

  @Override
  public boolean isTerminated() {
    return client.isTerminated();
  }

  @Override
  public void shutdownNow() {
    client.shutdownNow();
  }

  @Override
  public void close() {
    client.close();
  }
}
