package io.millflow.connector.plex;

import io.millflow.step.Connection;
import io.millflow.step.http.ObservedHttpClient;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Makes {@link HttpPlexClient}s that share one JDK HTTP client (its connection pool) and the
 * JVM-wide {@link PlexRateLimiters}. Cheap per call: steps ask for a client on every run, so a
 * changed connection takes effect at once.
 */
@Singleton
public final class HttpPlexClientFactory implements PlexClientFactory {

  private final HttpClient http;
  private final PlexRateLimiters rateLimiters;

  public HttpPlexClientFactory() {
    this(
        ObservedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
            HttpClient.Redirect.NORMAL),
        PlexRateLimiters.shared());
  }

  public HttpPlexClientFactory(HttpClient http, PlexRateLimiters rateLimiters) {
    this.http = http;
    this.rateLimiters = rateLimiters;
  }

  @Override
  public PlexClient forConnection(String name, PlexConnection connection) {
    return new HttpPlexClient(PlexConnectionSettings.of(name, connection), http, rateLimiters);
  }

  /** A client of the named connection's write calls, paced with its reads. */
  public PlexWriteClient writeClient(String name, PlexConnection connection) {
    return new HttpPlexWriteClient(PlexConnectionSettings.of(name, connection), http, rateLimiters);
  }

  /**
   * A client of a stored connection, bound first (as {@link
   * PlexConnectionSettings#of(Connection)}).
   */
  public PlexClient forConnection(Connection connection) {
    return new HttpPlexClient(PlexConnectionSettings.of(connection), http, rateLimiters);
  }
}
