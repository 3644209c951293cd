package io.millflow.step;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of testing a connection. {@code problem}, {@code message} and {@code fix} are null
 * when {@code ok}; when not, {@code message} says what the system answered (with its request id
 * where it gave one) and {@code fix} what the user should change. {@code details} carries harmless
 * facts worth showing (server version, user, tenant name), never a credential.
 */
public record ConnectionCheck(
    boolean ok,
    ConnectionProblem problem,
    String message,
    String fix,
    Duration took,
    Map<String, String> details) {

  public ConnectionCheck {
    details = details == null ? Map.of() : Map.copyOf(details);
    if (!ok) {
      Objects.requireNonNull(problem, "a failed check names its problem");
      Objects.requireNonNull(message, "a failed check says what happened");
    }
  }

  public static ConnectionCheck passed(Duration took, Map<String, String> details) {
    return new ConnectionCheck(true, null, null, null, took, details);
  }

  public static ConnectionCheck failed(
      ConnectionProblem problem, String message, String fix, Duration took) {
    return new ConnectionCheck(false, problem, message, fix, took, Map.of());
  }
}
