package io.millflow.connector.plex.sandbox;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Plex's usage limit: so many calls per key and minute, refilled smoothly, as a token bucket per key. */
final class SandboxRateLimits {

  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** {@code perMinute} 0 lets every call through. */
  SandboxRateLimits(int perMinute) {
    this.perMinute = perMinute;
  }

  /** Takes one call from the key's allowance; empty when allowed, else how long until the next call is. */
  Optional<Duration> acquire(String apiKey) {
    if (perMinute == 0) {
      return Optional.empty();
    }
    ConsumptionProbe probe = buckets.computeIfAbsent(apiKey, key -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .build();
  }
}
