package io.millflow.engine.flow;

/**
 * The flow cannot be deleted as things are; the message names what still depends on it and what to
 * do (a 409).
 */
public class FlowInUseException extends RuntimeException {
  public FlowInUseException(String message) {
    super(message);
  }
}
