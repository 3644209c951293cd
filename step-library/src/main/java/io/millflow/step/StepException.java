package io.millflow.step;

/**
 * The failures a step may signal on purpose. The worker adapter maps each to Zeebe in one place;
 * any other exception is a bug and becomes an incident. Messages go to Zeebe and to the run
 * history: name what failed, with which input, and what to do; never a secret, a full SQL text or a
 * stack trace.
 */
public abstract sealed class StepException extends RuntimeException
    permits RetryableStepException, ReauthRequiredException, StepFailure {

  protected StepException(String message, Throwable cause) {
    super(message, cause);
  }
}
