package io.millflow.engine.flow;

/**
 * The run cannot be retried or cancelled as it is; the message says why and what to do instead (a
 * 409).
 */
public class RunConflictException extends RuntimeException {
  public RunConflictException(String message) {
    super(message);
  }
}
