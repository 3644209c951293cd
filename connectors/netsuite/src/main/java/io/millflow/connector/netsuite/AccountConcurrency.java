package io.millflow.connector.netsuite;

import io.millflow.step.RetryableStepException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the NetSuite requests in flight per account in this JVM ({@code maxConcurrency}, default
 * 5): NetSuite rejects requests over the account's limit, and every flow on the account shares that
 * limit, so they share one semaphore here.
 */
public final class AccountConcurrency {

  private static final AccountConcurrency SHARED = new AccountConcurrency();
  private static final Duration MAX_WAIT = Duration.ofMinutes(2);

  private record Limit(int permits, Semaphore semaphore) {}

  private final Map<String, Limit> limits = new ConcurrentHashMap<>();

  /** A registry of its own; steps use {@link #shared()}. */
  public AccountConcurrency() {}

  public static AccountConcurrency shared() {
    return SHARED;
  }

  /** Waits for a turn; the caller releases the semaphore it returns. */
  Semaphore acquire(NetSuiteConnectionSettings settings) {
    Semaphore semaphore =
        limits
            .compute(
                settings.accountKey(),
                (key, existing) ->
                    existing != null && existing.permits() == settings.maxConcurrency()
                        ? existing
                        : new Limit(
                            settings.maxConcurrency(),
                            new Semaphore(settings.maxConcurrency(), true)))
            .semaphore();
    try {
      if (!semaphore.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new RetryableStepException(
            "Connection '"
                + settings.connectionName()
                + "' waited "
                + MAX_WAIT.toMinutes()
                + " minutes for one of its "
                + settings.maxConcurrency()
                + " NetSuite request"
                + " slots (other runs on the account hold them); retry later.",
            null,
            MAX_WAIT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableStepException(
          "Interrupted while waiting to call NetSuite for connection '"
              + settings.connectionName()
              + "'",
          e);
    }
    return semaphore;
  }
}
