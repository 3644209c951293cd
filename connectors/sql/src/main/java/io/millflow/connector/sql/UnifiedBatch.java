package io.millflow.connector.sql;

import io.millflow.step.StepFailure;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a batch of unified records and prepares it for one set-based upsert, the same way in every
 * SQL sink.
 */
public final class UnifiedBatch {

  private UnifiedBatch() {}

  /**
   * One version per key: a dataset may hold several versions of a record, and one statement cannot
   * upsert a key twice. The newest by source updated-at wins, the later one on a tie, matching the
   * rule the upserts apply.
   *
   * @throws StepFailure {@code MISSING_KEY} for a record without a key; {@code offset} (the records
   *     before this batch) lets the message name the record
   */
  public static <T extends Record> Collection<T> newestPerKey(
      EntityLayout<T> layout, List<T> batch, long offset) {
    return newestByKey(layout, batch, offset).values();
  }

  /**
   * {@link #newestPerKey}, keyed by each record's key, in the order the keys first appear in the
   * batch.
   */
  public static <T extends Record> Map<String, T> newestByKey(
      EntityLayout<T> layout, List<T> batch, long offset) {
    Map<String, T> newest = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      T record = batch.get(i);
      String key = layout.key(record);
      if (key == null || key.isBlank()) {
        throw new StepFailure(
            "MISSING_KEY",
            "The "
                + layout.entity()
                + " record "
                + (offset + i + 1)
                + " has no"
                + " key: the step that produced the dataset must set each record's 'key'.");
      }
      newest.merge(key, record, (earlier, later) -> newer(layout, earlier, later));
    }
    return newest;
  }

  private static <T extends Record> T newer(EntityLayout<T> layout, T earlier, T later) {
    Instant earlierAt = layout.sourceUpdatedAt(earlier);
    Instant laterAt = layout.sourceUpdatedAt(later);
    return earlierAt != null && (laterAt == null || laterAt.isBefore(earlierAt)) ? earlier : later;
  }
}
