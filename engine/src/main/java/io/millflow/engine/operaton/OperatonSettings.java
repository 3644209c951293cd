package io.millflow.engine.operaton;

import java.time.Duration;

/**
 * Settings of the embedded engine.
 *
 * @param maxConcurrentAttempts how many step attempts run at once in this Millflow instance (the
 *     fetch loop locks no more tasks than it has free slots)
 * @param pollInterval how often the fetch loop looks for tasks made by other instances on the same
 *     database, and the job executor for due timers; also the sweep of held messages and unrecorded
 *     run ends
 * @param historyTimeToLive how long the engine keeps the history of ended instances (whole days;
 *     the same retention as Millflow's run history)
 */
public record OperatonSettings(
    int maxConcurrentAttempts, Duration pollInterval, Duration historyTimeToLive) {

  public OperatonSettings {
    if (maxConcurrentAttempts < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentAttempts must be at least 1, not " + maxConcurrentAttempts);
    }
    if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (historyTimeToLive == null || historyTimeToLive.isNegative()) {
      throw new IllegalArgumentException("historyTimeToLive must not be negative");
    }
  }

  /** 16 attempts at once, a poll every second, history kept 30 days. */
  public static OperatonSettings defaults() {
    return new OperatonSettings(16, Duration.ofSeconds(1), Duration.ofDays(30));
  }
}
