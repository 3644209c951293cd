package io.millflow.engine.run;

/**
 * The job's variables do not make a valid step input; retrying cannot help, the flow must be fixed.
 */
public class InvalidStepInputException extends RuntimeException {

  public InvalidStepInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
