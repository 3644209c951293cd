package io.millflow.connector.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often one request is tried within the step before the engine's own retry takes over: a failed
 * page costs one request, not the pages read before it. A wait the server asks for that is longer
 * than {@code longestWait} is left to the engine (the job fails with the server's {@code
 * Retry-After}).
 */
record RetryPolicy(int attempts, Duration firstBackoff, Duration longestWait) {

  static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30));

  /**
   * The wait before attempt {@code next} (2 is the first retry): doubling, with up to 20 % jitter.
   */
  Duration backoff(int next) {
    long base = firstBackoff.toMillis() << Math.min(20, next - 2);
    return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 5 + 1));
  }

  /** The wait before attempt {@code next}, or null when the step should stop trying. */
  Duration waitBefore(int next, Duration retryAfter) {
    if (next > attempts) {
      return null;
    }
    Duration wait = retryAfter != null ? retryAfter : backoff(next);
    return wait.compareTo(longestWait) > 0 ? null : wait;
  }
}
