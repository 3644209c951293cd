package io.millflow.connector.idhammar;

import io.github.bucket4j.Bucket;
import io.millflow.step.RetryableStepException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side pacing of Idhammar calls: one token bucket per connection, base URL and limit, shared
 * by every run in this JVM, because the API counts calls per token, not per step.
 */
public final class IdhammarPacing {

  private static final IdhammarPacing SHARED = new IdhammarPacing();
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  public static IdhammarPacing shared() {
    return SHARED;
  }

  /**
   * Waits for the connection's next turn.
   *
   * @throws RetryableStepException when the turn is more than a minute away or the wait is
   *     interrupted
   */
  public void acquire(IdhammarConnectionSettings settings) {
    int perMinute = settings.rateLimitPerMinute();
    if (perMinute == 0) {
      return;
    }
    // A tenth of a minute's calls as burst: spread calls out rather than spend the minute in its
    // first second.
    Bucket bucket =
        buckets.computeIfAbsent(
            settings.connectionName() + " " + settings.baseUrl() + " " + perMinute,
            key ->
                Bucket.builder()
                    .addLimit(
                        limit ->
                            limit
                                .capacity(Math.max(1, perMinute / 10))
                                .refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
    boolean granted;
    try {
      granted = bucket.asBlocking().tryConsume(1, MAX_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException(
          "Interrupted while pacing calls of connection '" + settings.connectionName() + "'", e);
    }
    if (!granted) {
      throw new RetryableStepException(
          "Connection '"
              + settings.connectionName()
              + "' is over its limit of "
              + perMinute
              + " Idhammar calls per minute (other runs use it too); retry later.",
          null,
          MAX_WAIT);
    }
  }
}
