package io.millflow.connector.sql;

import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * A driver's connection that the outbound guard refused before it connected: an IOException, so the
 * driver gives up (and keeps it as the cause), found again by {@link #in(Throwable)} and reported
 * as what it is, not as an unreachable server.
 */
public final class OutboundAddressRefused extends IOException {

  OutboundAddressRefused(String message) {
    super(message);
  }

  /**
   * The refusal somewhere in {@code error}'s causes, if there is one; known by its class name, as a
   * driver may have loaded its own copy of this class ({@link SocketGuards}).
   */
  public static Optional<OutboundAddressRefused> in(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().equals(OutboundAddressRefused.class.getName())) {
        return Optional.of(
            cause instanceof OutboundAddressRefused refused
                ? refused
                : new OutboundAddressRefused(cause.getMessage()));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  /** The step failure, code {@code OUTBOUND_ADDRESS_REFUSED}: no retry makes it callable. */
  public StepFailure failure(String connection) {
    return new StepFailure(
        "OUTBOUND_ADDRESS_REFUSED", "Connection '" + connection + "': " + getMessage(), this);
  }

  /** The failed connection check: nothing was sent to the refused address. */
  public ConnectionCheck check(Duration took) {
    return ConnectionCheck.failed(
        ConnectionProblem.WRONG_URL,
        getMessage(),
        "Correct the setting; nothing was sent to that address.",
        took);
  }
}
