package io.millflow.engine.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event of a subscription as its delivery log shows it: where it stands, and every attempt to
 * deliver it, failed ones included, oldest first, with the receiver's answer.
 */
public record Delivery(
    UUID eventId,
    String type,
    String status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant deliveredAt,
    List<Try> history) {

  /**
   * An attempt: when, the receiver's HTTP status (none when it could not be reached), the error,
   * and how long it took.
   */
  /** This event with its attempts. */
  Delivery withHistory(List<Try> tries) {
    return new Delivery(eventId, type, status, attempts, lastError, createdAt, deliveredAt, tries);
  }

  public record Try(int attempt, Instant at, Integer statusCode, String error, long durationMs) {}
}
