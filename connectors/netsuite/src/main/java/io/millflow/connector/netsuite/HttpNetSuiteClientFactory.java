package io.millflow.connector.netsuite;

import io.millflow.step.http.ObservedHttpClient;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes {@link HttpNetSuiteClient}s that share one JDK HTTP client (its connection pool), the
 * JVM-wide token cache and the per-account concurrency limits. Cheap per call: steps ask for a
 * client on every run.
 */
@Singleton
public final class HttpNetSuiteClientFactory implements NetSuiteClientFactory {

  private final HttpClient http;
  private final AccessTokens tokens;
  private final AccountConcurrency concurrency;
  private final Clock clock;

  public HttpNetSuiteClientFactory() {
    this(
        ObservedHttpClient.of(
            HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1)
                .build()),
        AccessTokens.shared(),
        AccountConcurrency.shared(),
        Clock.systemUTC());
  }

  public HttpNetSuiteClientFactory(
      HttpClient http, AccessTokens tokens, AccountConcurrency concurrency, Clock clock) {
    this.http = http;
    this.tokens = tokens;
    this.concurrency = concurrency;
    this.clock = clock;
  }

  @Override
  public HttpNetSuiteClient forSettings(NetSuiteConnectionSettings settings) {
    return new HttpNetSuiteClient(settings, http, tokens, concurrency, clock);
  }
}
