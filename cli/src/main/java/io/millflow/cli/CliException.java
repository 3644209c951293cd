package io.millflow.cli;

/** A failure the CLI reports as one line and exit code 1: what went wrong and what to do. */
final class CliException extends RuntimeException {

  CliException(String message) {
    super(message);
  }
}
