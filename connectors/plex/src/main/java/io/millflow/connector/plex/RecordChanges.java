package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.step.StepFailure;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** When a record Plex sent last changed, or a step failure that says why the read cannot tell. */
final class RecordChanges {

  private RecordChanges() {}

  /**
   * When a record last changed, from its {@code field} ({@code modifiedDate}, {@code
   * updateDateTime}); an incremental read cannot place a record without one, so a missing id or
   * date is Plex's fault and fails the read.
   *
   * @param kind how the error names the record: {@code purchase order}
   */
  static Instant changedAt(JsonNode record, String kind, String idField, String field) {
    String id = record.path(idField).asText(null);
    if (id == null || id.isBlank()) {
      throw new StepFailure(
          "PLEX_UNEXPECTED_RESPONSE",
          "Plex sent a "
              + kind
              + " without "
              + idField
              + ": cannot tell it apart from others. It reads "
              + abbreviated(record)
              + ".");
    }
    String text = record.path(field).asText(null);
    DateTimeParseException cause = null;
    try {
      if (text != null) {
        return PlexTimestamps.parseLenient(text);
      }
    } catch (DateTimeParseException e) {
      cause = e;
    }
    throw new StepFailure(
        "PLEX_UNEXPECTED_RESPONSE",
        "Plex sent "
            + kind
            + " "
            + id
            + " with "
            + field
            + " '"
            + text
            + "', which is not a timestamp: an incremental read cannot place it.",
        cause);
  }

  private static String abbreviated(JsonNode record) {
    String text = record.toString();
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
