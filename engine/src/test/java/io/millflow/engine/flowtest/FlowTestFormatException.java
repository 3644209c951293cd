package io.millflow.engine.flowtest;

/** A flow test file that cannot be run as written; the message names the file, case and field. */
final class FlowTestFormatException extends RuntimeException {

  FlowTestFormatException(String message) {
    super(message);
  }
}
