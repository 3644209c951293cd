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
    int dispatchRound,
    Map<String, String> receivedHeaders,
    List<RouteEvaluation> routes) {

  /** How much of a payload the trigger page shows. */
  public static final int PAYLOAD_SHOWN_BYTES = 64 * 1024;

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

  /**
   * One delivery as the trigger page shows it: the headers received (credentials and signature
   * masked; empty for events stored before they were kept), the payload's first {@link
   * #PAYLOAD_SHOWN_BYTES} as text, and how each route was evaluated (empty until dispatched).
   */
  public record Detail(
      View event,
      Map<String, String> headers,
      String payload,
      int payloadBytes,
      boolean payloadTruncated,
      List<RouteEvaluation> routes) {}

  public Detail detail() {
    int shown = Math.min(body.length, PAYLOAD_SHOWN_BYTES);
    return new Detail(
        view(),
        receivedHeaders,
        new String(body, 0, shown, java.nio.charset.StandardCharsets.UTF_8),
        body.length,
        shown < body.length,
        routes);
  }
}
