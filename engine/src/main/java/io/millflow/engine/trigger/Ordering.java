package io.millflow.engine.trigger;

/**
 * Optional out-of-order protection: FEEL expressions giving each event's ordering key (e.g. {@code
 * body.machine}) and sequence (a number, or an ISO-8601 timestamp, e.g. {@code body.updatedAt}). An
 * event whose sequence is not newer than the last one dispatched for its key is recorded as stale
 * and not applied over newer data.
 */
public record Ordering(String key, String sequence) {

  public Ordering {
    if (key == null || key.isBlank() || sequence == null || sequence.isBlank()) {
      throw new IllegalArgumentException(
          "ordering needs both key and sequence FEEL expressions, e.g. "
              + "{\"key\": \"body.machine\", \"sequence\": \"body.seq\"}");
    }
  }
}
