package io.millflow.engine.connection;

import io.millflow.step.ConnectionProblem;
import java.time.Instant;

/**
 * How a connection is doing, as its last check found it. {@code reauth_required} blocks steps until
 * the credentials change; {@code offline} does not (a step may still get through, and a sync
 * resumes on its own once the system is back).
 */
public record ConnectionStatus(
    String name,
    State status,
    ConnectionProblem problem,
    String lastError,
    Instant lastCheck,
    int consecutiveFailures,
    Instant nextCheckAt) {

  public enum State {
    ONLINE,
    OFFLINE,
    REAUTH_REQUIRED,
    UNKNOWN;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Credentials the system refused are a user's to fix; everything else may pass by itself. */
    static State of(ConnectionProblem problem) {
      if (problem == null) {
        return ONLINE;
      }
      return switch (problem) {
        case AUTH_FAILED, WRONG_CERTIFICATE_ID -> REAUTH_REQUIRED;
        case INCOMPLETE,
            UNREACHABLE,
            WRONG_URL,
            CLOCK_SKEW,
            NO_PERMISSION,
            MISSING_DATABASE,
            TLS_ERROR,
            TIMEOUT,
            UNAVAILABLE ->
            OFFLINE;
      };
    }
  }

  static ConnectionStatus unknown(String name) {
    return new ConnectionStatus(name, State.UNKNOWN, null, null, null, 0, null);
  }
}
