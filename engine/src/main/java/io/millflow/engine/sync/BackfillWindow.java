package io.millflow.engine.sync;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The window of a backfill as asked for: two ISO-8601 instants, {@code from} before {@code to},
 * both past.
 */
public final class BackfillWindow {

  private static final String EXAMPLE = "an ISO-8601 instant such as 2026-01-31T00:00:00Z";

  private BackfillWindow() {}

  /**
   * The backfill over {@code [from, to)}.
   *
   * @throws SyncRequestRefused naming the field when either is missing or malformed, {@code from}
   *     is not before {@code to}, or {@code to} lies after {@code now}
   */
  public static SyncMode.Backfill of(String from, String to, Instant now) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (!start.isBefore(end)) {
      throw new SyncRequestRefused(
          "Field 'from' ("
              + start
              + ") must be before 'to' ("
              + end
              + "): the window is [from,"
              + " to).");
    }
    if (end.isAfter(now)) {
      throw new SyncRequestRefused(
          "Field 'to' ("
              + end
              + ") is in the future (now is "
              + now
              + "): a backfill reads a"
              + " past window. Give a 'to' no later than now; the flow's own runs read what comes after.");
    }
    return new SyncMode.Backfill(start, end);
  }

  private static Instant instant(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new SyncRequestRefused("Field '" + field + "' is missing: give " + EXAMPLE + ".");
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new SyncRequestRefused("Field '" + field + "' must be " + EXAMPLE + ".");
    }
  }
}
