package io.millflow.step;

/**
 * Bad input or data the step cannot handle. Thrown to the process as a BPMN error with {@link
 * #code()}, so an error boundary event can catch it; uncaught, it becomes an incident with the
 * message.
 */
public final class StepFailure extends StepException {

  private final String code;

  public StepFailure(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  public StepFailure(String code, String message) {
    this(code, message, null);
  }

  public String code() {
    return code;
  }
}
