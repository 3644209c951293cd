package io.millflow.engine.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A request as the inbox keeps it: verified, stored, and waiting for (or done with) dispatch. */
public record InboxEvent(
    UUID id,
    String triggerId,
    String eventId,
    Instant receivedAt,
    Map<String, String> headers,
    Map<String, String> query,
    byte[] body,
    String status,
    int attempts,
    String lastError,
    List<String> runIds,
    int dispatchRound) {

  /**
   * What the API shows of an event: no body bytes, no headers. {@code runIds}: the runs it started
   * (or the messages it published, as {@code message:<name>}), empty until dispatched.
   */
  public record View(
      UUID id,
      String eventId,
      Instant receivedAt,
      String status,
      int attempts,
      String lastError,
      List<String> runIds) {}

  public View view() {
    return new View(id, eventId, receivedAt, status, attempts, lastError, runIds);
  }
}
