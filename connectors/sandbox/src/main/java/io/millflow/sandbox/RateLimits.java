package io.millflow.sandbox;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A system's usage limit: so many calls per key and minute, refilled smoothly, as a token bucket
 * per key.
 */
public final class RateLimits {

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** {@code perMinute} 0 lets every call through. */
  public RateLimits(int perMinute) {
    if (perMinute < 0) {
      throw new IllegalArgumentException("perMinute cannot be negative");
    }
    this.perMinute = perMinute;
  }

  /**
   * Takes one call from the key's allowance; empty when allowed, else how long until the next call
   * is.
   */
  public Optional<Duration> acquire(String key) {
    if (perMinute == 0) {
      return Optional.empty();
    }
    ConsumptionProbe probe =
        buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .build();
  }
}
