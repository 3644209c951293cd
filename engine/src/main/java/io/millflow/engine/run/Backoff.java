package io.millflow.engine.run;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: about 1 s, 2 s, 4 s ... up to the cap, each stretched by up to a
 * quarter.
 */
public record Backoff(Duration initial, Duration max) {

  /** The wait before attempt {@code failedAttempt + 1}. */
  public Duration after(int failedAttempt) {
    long base = initial.toMillis() << Math.min(Math.max(failedAttempt - 1, 0), 30);
    long capped = Math.min(base, max.toMillis());
    long jitter = capped <= 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 4 + 1);
    return Duration.ofMillis(Math.min(capped + jitter, max.toMillis()));
  }
}
