package io.millflow.connector.plex;

import io.github.bucket4j.Bucket;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client-side pacing of Plex calls, one token bucket per connection (name and base URL), shared by
 * every client and step run of that connection in this JVM: Plex counts calls per key, not per
 * step, so two flows on one connection must share one allowance. When Plex answers a call with 429
 * and {@code Retry-After}, every call of the connection holds off until then ({@link #heed}): the
 * calls in flight beside it would only be refused too, and would spend the allowance that the
 * waiting one needs.
 */
public final class PlexRateLimiters {

  private static final PlexRateLimiters SHARED = new PlexRateLimiters();

  /** The longest a call waits for its turn before giving up with a retryable error. */
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  private record Limiter(int perMinute, Bucket bucket) {}

  private final Map<String, Limiter> limiters = new ConcurrentHashMap<>();
  private final Map<String, Instant> holds = new ConcurrentHashMap<>();

  /** The JVM-wide registry the clients use unless given another (tests may want their own). */
  public static PlexRateLimiters shared() {
    return SHARED;
  }

  /**
   * Waits until the connection may make one more call.
   *
   * @throws RetryableStepException when the turn would come later than a minute (the connection is
   *     saturated) or the thread is interrupted
   */
  public void acquire(PlexConnectionSettings settings) {
    try {
      holdOff(settings);
      if (settings.rateLimitPerMinute() == 0) {
        return; // pacing turned off, e.g. for a local sandbox without limit
      }
      Bucket bucket = bucketOf(settings);
      if (!bucket.asBlocking().tryConsume(1, MAX_WAIT)) {
        throw new RetryableStepException(
            "Connection '"
                + settings.connectionName()
                + "' is over its limit of "
                + settings.rateLimitPerMinute()
                + " Plex calls per minute (other runs use it too); retry later.",
            null,
            MAX_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException(
          "Interrupted while waiting to call Plex for connection '"
              + settings.connectionName()
              + "'",
          e);
    }
  }

  /**
   * Holds the connection's calls off until Plex's {@code Retry-After} when {@code error} is Plex's
   * 429 (a retryable error that names a wait); returns {@code error} to throw.
   */
  public StepException heed(PlexConnectionSettings settings, int status, StepException error) {
    if (status == 429 && error instanceof RetryableStepException limited) {
      limited
          .retryAfter()
          .filter(wait -> wait.compareTo(MAX_WAIT) <= 0)
          .ifPresent(
              wait ->
                  holds.merge(
                      keyOf(settings),
                      Instant.now().plus(wait),
                      (held, asked) -> held.isAfter(asked) ? held : asked));
    }
    return error;
  }

  /**
   * Sleeps until the connection's hold is past, reading it again after each sleep: a 429 answered
   * meanwhile may have moved it later. Holds that keep moving for longer than {@link #MAX_WAIT}
   * give up with a retryable error, as a bucket that never frees does.
   */
  private void holdOff(PlexConnectionSettings settings) throws InterruptedException {
    String key = keyOf(settings);
    Instant givingUp = Instant.now().plus(MAX_WAIT);
    for (Instant until = holds.get(key); until != null; until = holds.get(key)) {
      Instant now = Instant.now();
      if (!until.isAfter(now)) {
        holds.remove(key, until);
        continue; // gone, or replaced by a later hold
      }
      if (now.isAfter(givingUp)) {
        throw new RetryableStepException(
            "Plex kept connection '"
                + settings.connectionName()
                + "' on hold (429) for over "
                + MAX_WAIT.toMinutes()
                + " minute; retry later.",
            null,
            Duration.between(now, until));
      }
      Thread.sleep(Duration.between(now, until));
    }
  }

  private static String keyOf(PlexConnectionSettings settings) {
    return settings.connectionName() + " " + settings.baseUrl();
  }

  /** The connection's bucket; a changed rate limit setting replaces it. */
  Bucket bucketOf(PlexConnectionSettings settings) {
    return limiters
        .compute(
            keyOf(settings),
            (ignored, existing) ->
                existing != null && existing.perMinute() == settings.rateLimitPerMinute()
                    ? existing
                    : newLimiter(settings.rateLimitPerMinute()))
        .bucket();
  }

  private static Limiter newLimiter(int perMinute) {
    // A tenth of a minute's calls as burst: Plex's own accounting window is unknown, so spread
    // calls out rather than spend a minute's allowance in the first second.
    int burst = Math.max(1, perMinute / 10);
    Bucket bucket =
        Bucket.builder()
            .addLimit(limit -> limit.capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)))
            .build();
    return new Limiter(perMinute, bucket);
  }
}
