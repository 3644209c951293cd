package io.millflow.engine.lifecycle;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a background executor the way a clean stop wants it: nothing new starts, the task running
 * now (a poll, a query) may finish within a grace period, and only then is it interrupted. Cutting
 * a poll off mid-query made every stop log the interrupted query as a failure.
 */
public final class GracefulStop {

  private GracefulStop() {}

  /** Stops {@code executor}, waiting up to {@code grace} for what runs, then interrupting it. */
  public static void stop(ExecutorService executor, Duration grace) {
    if (executor == null) {
      return;
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
