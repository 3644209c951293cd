package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.RetryableStepException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Client-side pacing: one allowance per connection, shared by all its clients, kept under the
 * sandbox's limit.
 */
class PlexRateLimitersTest {

  private final PlexRateLimiters limiters = new PlexRateLimiters();

  @Test
  void sharesOneBucketAmongClientsOfTheSameConnection() {
    var bucket = limiters.bucketOf(settings("plex", "https://connect.plex.com", "200"));

    assertThat(limiters.bucketOf(settings("plex", "https://connect.plex.com", "200")))
        .isSameAs(bucket);
    assertThat(limiters.bucketOf(settings("other", "https://connect.plex.com", "200")))
        .isNotSameAs(bucket);
    assertThat(limiters.bucketOf(settings("plex", "https://test.connect.plex.com", "200")))
        .isNotSameAs(bucket);
  }

  @Test
  void replacesTheBucketWhenTheLimitSettingChanges() {
    var before = limiters.bucketOf(settings("plex", "https://connect.plex.com", "200"));

    assertThat(limiters.bucketOf(settings("plex", "https://connect.plex.com", "400")))
        .isNotSameAs(before);
  }

  @Test
  void pacesCallsSoTheSandboxNeverAnswers429() {
    // 600 a minute: a burst of 60, then one every 100 ms. The sandbox allows the same 600 a minute.
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withRateLimitPerMinute(600)).start(0)) {
      Connection connection =
          PlexConnections.to(
              sandbox, "paced", sandbox.config().apiKey(), Map.of("rateLimitPerMinute", "600"));
      PlexClient client =
          new HttpPlexClientFactory(HttpClient.newHttpClient(), limiters).forConnection(connection);

      long start = System.nanoTime();
      for (int i = 0; i < 70; i++) {
        client.tenants(); // a 429 would throw
      }

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(800));
    }
  }

  @Test
  void aPlex429HoldsOffEveryCallOfItsConnectionUntilTheRetryAfter() {
    var limited = settings("plex", "https://connect.plex.com", "0");
    var other = settings("other", "https://connect.plex.com", "0");
    var tooMany = new RetryableStepException("429", null, Duration.ofMillis(400));

    assertThat(limiters.heed(limited, 429, tooMany)).isSameAs(tooMany);

    long otherStart = System.nanoTime();
    limiters.acquire(other);
    assertThat(Duration.ofNanos(System.nanoTime() - otherStart)).isLessThan(Duration.ofMillis(200));
    long start = System.nanoTime();
    limiters.acquire(limited);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(250));
  }

  @Test
  void aHoldMovedLaterWhileACallWaitsIsWaitedOutToItsNewEnd() throws Exception {
    var limited = settings("plex", "https://connect.plex.com", "0");
    limiters.heed(limited, 429, new RetryableStepException("429", null, Duration.ofMillis(300)));

    long start = System.nanoTime();
    Thread waiting = Thread.ofVirtual().start(() -> limiters.acquire(limited));
    Thread.sleep(100);
    limiters.heed(limited, 429, new RetryableStepException("429", null, Duration.ofMillis(600)));
    waiting.join();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(650));
  }

  @Test
  void aServerErrorWithRetryAfterHoldsNothingOff() {
    var limited = settings("plex", "https://connect.plex.com", "0");

    limiters.heed(limited, 503, new RetryableStepException("503", null, Duration.ofSeconds(5)));

    long start = System.nanoTime();
    limiters.acquire(limited);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
  }

  @Test
  void letsEveryCallThroughWhenTheLimitIsZero() {
    var unlimited = settings("local", "http://127.0.0.1:8089", "0");

    long start = System.nanoTime();
    for (int i = 0; i < 1_000; i++) {
      limiters.acquire(unlimited);
    }

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
  }

  private static PlexConnectionSettings settings(String name, String baseUrl, String perMinute) {
    return PlexConnectionSettings.of(
        new Connection(
            name,
            "plex",
            Map.of("baseUrl", baseUrl, "rateLimitPerMinute", perMinute),
            Map.of("apiKey", "k")));
  }
}
