package io.millflow.connector.idhammar;

import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import java.time.Instant;

/**
 * What every Idhammar step checks the same way: the connection's type, blank names, positive
 * numbers, periods.
 */
final class IdhammarSteps {

  static final String SYSTEM = "idhammar";

  private IdhammarSteps() {}

  /** The named connection; one of another type is refused ({@code WRONG_CONNECTION_TYPE}). */
  static IdhammarConnection connection(String name, StepContext context) {
    if (name == null || name.isBlank()) {
      throw new StepFailure("INVALID_INPUT", "Name the Idhammar connection to read from.");
    }
    return context.connection(name, IdhammarConnection.class);
  }

  static int pageSize(Integer value, int fallback) {
    int size = value == null ? fallback : value;
    if (size < 1 || size > 1_000) {
      throw new StepFailure(
          "INVALID_INPUT",
          "pageSize must be from 1 to 1000 (the API's largest page), not " + size + ".");
    }
    return size;
  }

  static void checkPeriod(String sinceName, Instant since, String untilName, Instant until) {
    if (since != null && until != null && since.isAfter(until)) {
      throw new StepFailure(
          "INVALID_INPUT",
          sinceName
              + " "
              + since
              + " is after "
              + untilName
              + " "
              + until
              + ": give a period that ends after it begins.");
    }
  }

  static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
