package io.millflow.engine.events;

import java.util.UUID;

/**
 * One delivery attempt's outcome, as the delivery log keeps it.
 *
 * @param status the subscriber's HTTP status; null when none came (refused, timed out, not HTTP)
 * @param error null when the subscriber answered 2xx; otherwise why not, fit to store ({@link
 *     ErrorText})
 */
record Attempt(UUID eventId, int attempt, Integer status, String error, long millis) {

  static Attempt answered(DueEvent event, int status, long millis) {
    return new Attempt(
        event.id(),
        event.attempt(),
        status,
        status / 100 == 2 ? null : "The subscriber answered " + status,
        millis);
  }

  static Attempt failed(DueEvent event, Throwable cause, long millis) {
    String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
    return new Attempt(
        event.id(),
        event.attempt(),
        null,
        ErrorText.storable(cause.getClass().getSimpleName() + message),
        millis);
  }

  boolean delivered() {
    return error == null;
  }
}
