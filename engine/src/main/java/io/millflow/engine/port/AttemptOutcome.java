package io.millflow.engine.port;

import java.time.Duration;
import java.util.Map;

/**
 * How a service-task attempt ended, as a value: the attempt runner decides it without an engine,
 * and the engine adapter turns it into that engine's command. This is the one place the error model
 * meets the engines.
 */
public sealed interface AttemptOutcome {

  /**
   * The step succeeded: complete the task with these variables, and write {@code recordCompletion}
   * (null: nothing to record) in the completion's transaction or once the engine took it: the run
   * history must not say completed for a completion the engine refused.
   */
  record Completed(Map<String, Object> variables, CompletionRecord recordCompletion)
      implements AttemptOutcome {}

  /**
   * A transient failure: fail the task with {@code retriesLeft} retries, to be handed out again
   * after {@code backoff}.
   */
  record RetryLater(int retriesLeft, Duration backoff, String message) implements AttemptOutcome {}

  /** Stop at an incident (no retries left); the run waits until it is retried. */
  record Incident(String code, String message) implements AttemptOutcome {}

  /** Throw a BPMN error that an error event of the flow catches. */
  record BpmnError(String code, String message) implements AttemptOutcome {}

  /**
   * Millflow could not even record the attempt (its store is unreachable): give the task back to be
   * handed out again after {@code after}, without spending a retry.
   */
  record HandBack(Duration after) implements AttemptOutcome {}
}
