package io.millflow.step;

import java.time.Duration;
import java.util.Optional;

/**
 * A transient failure (network error, timeout, HTTP 5xx, 429): the job is retried with exponential
 * backoff and jitter, or after {@link #retryAfter()} when the source said how long to wait.
 */
public final class RetryableStepException extends StepException {

  private final Duration retryAfter;

  public RetryableStepException(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public RetryableStepException(String message, Throwable cause) {
    this(message, cause, null);
  }

  public RetryableStepException(String message) {
    this(message, null, null);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
