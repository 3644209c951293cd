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
 * An {@link HttpClient} whose calls the runtime's {@link OutboundHttp} watches; everything else is
 * the wrapped client's. Where no {@link OutboundHttp} is on the class path, {@link #of} hands back
 * the client itself.
 */
public final class ObservedHttpClient extends HttpClient {

  private final HttpClient client;
  private final OutboundHttp observer;

  private ObservedHttpClient(HttpClient client, OutboundHttp observer) {
    this.client = client;
    this.observer = observer;
  }

  /** {@code client}, its calls watched by the runtime when there is one to watch them. */
  public static HttpClient of(HttpClient client) {
    return ServiceLoader.load(OutboundHttp.class, OutboundHttp.class.getClassLoader())
        .findFirst()
        .<HttpClient>map(observer -> new ObservedHttpClient(client, observer))
        .orElse(client);
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
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

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
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
    return client.followRedirects();
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
