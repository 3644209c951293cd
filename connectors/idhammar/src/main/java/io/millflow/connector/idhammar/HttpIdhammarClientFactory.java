package io.millflow.connector.idhammar;

import io.millflow.step.Connection;
import io.millflow.step.http.ObservedHttpClient;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Makes {@link HttpIdhammarClient}s that share one JDK HTTP client (its connection pool) and the
 * JVM-wide {@link IdhammarPacing}. Cheap per call: steps ask for a client on every run, so a
 * changed connection takes effect at once.
 */
@Singleton
public final class HttpIdhammarClientFactory implements IdhammarClientFactory {

  private final HttpClient http;
  private final IdhammarPacing pacing;

  public HttpIdhammarClientFactory() {
    this(
        ObservedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
            HttpClient.Redirect.NORMAL),
        IdhammarPacing.shared());
  }

  public HttpIdhammarClientFactory(HttpClient http, IdhammarPacing pacing) {
    this.http = http;
    this.pacing = pacing;
  }

  @Override
  public HttpIdhammarClient forConnection(String name, IdhammarConnection connection) {
    return new HttpIdhammarClient(IdhammarConnectionSettings.of(name, connection), http, pacing);
  }

  /**
   * A client of a stored connection, bound first (as {@link
   * IdhammarConnectionSettings#of(Connection)}).
   */
  public HttpIdhammarClient forConnection(Connection connection) {
    return new HttpIdhammarClient(IdhammarConnectionSettings.of(connection), http, pacing);
  }
}
