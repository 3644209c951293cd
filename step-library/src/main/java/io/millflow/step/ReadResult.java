package io.millflow.step;

import java.time.Instant;

/**
 * What every source step returns: the records it read, and the cursor a later incremental read
 * continues from, as text (an ISO-8601 instant for a time watermark, a plain number or an id for an
 * id watermark), or null when it read nothing to continue from.
 */
public record ReadResult(DatasetRef records, String cursor) {

  /** A result whose cursor is a time: the greatest source updated-at the read saw. */
  public static ReadResult withCursor(DatasetRef records, Instant cursor) {
    return new ReadResult(records, cursor == null ? null : cursor.toString());
  }
}
