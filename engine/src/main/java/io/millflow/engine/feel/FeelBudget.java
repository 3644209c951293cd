package io.millflow.engine.feel;

import java.time.Duration;

/**
 * What one evaluation of user FEEL may cost. Checked before it runs: {@code maxIterations}, the
 * loop iterations its text allows ({@link FeelCost}). Enforced while it runs: the CPU time and the
 * memory its thread allocates, and, as a backstop for a starved machine, the time it has been
 * running.
 */
public record FeelBudget(
    long maxIterations, Duration cpuTime, long allocatedBytes, Duration wallTime) {

  /** 100,000 loop iterations, 1 s of CPU, 128 MB allocated, 10 s running. */
  public static final FeelBudget DEFAULT =
      new FeelBudget(100_000, Duration.ofSeconds(1), 128L << 20, Duration.ofSeconds(10));

  public FeelBudget {
    if (maxIterations < 1
        || cpuTime.isNegative()
        || cpuTime.isZero()
        || allocatedBytes < 1
        || wallTime.isNegative()
        || wallTime.isZero()) {
      throw new IllegalArgumentException("A FEEL budget must be positive in every dimension");
    }
  }
}
