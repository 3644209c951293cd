package io.millflow.engine.flow;

/**
 * A submitted flow over one of the {@link FlowLimits}; the API answers 413 with the message, which
 * names the limit.
 */
public class FlowTooLargeException extends RuntimeException {

  public FlowTooLargeException(String message) {
    super(message);
  }
}
