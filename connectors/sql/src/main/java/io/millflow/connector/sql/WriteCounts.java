package io.millflow.connector.sql;

import io.millflow.step.Rejects;

/**
 * Rows inserted, updated, left unchanged, kept out as older than the stored version (newer-wins)
 * and rejected, summed over the batches of one write.
 */
public record WriteCounts(
    long inserted, long updated, long unchanged, long skippedOlder, Rejects rejected) {

  public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

  public WriteCounts {
    rejected = rejected == null ? Rejects.NONE : rejected;
  }

  public WriteCounts(long inserted, long updated, long unchanged) {
    this(inserted, updated, unchanged, 0, Rejects.NONE);
  }

  /**
   * Counts of a batch of {@code batchSize} records, of which the database reported inserted and
   * updated ones.
   */
  public static WriteCounts ofBatch(long batchSize, long inserted, long updated) {
    return new WriteCounts(inserted, updated, batchSize - inserted - updated);
  }

  /** As {@link #ofBatch(long, long, long)}, with the records the newer-wins rule kept out. */
  public static WriteCounts ofBatch(
      long batchSize, long inserted, long updated, long skippedOlder) {
    return new WriteCounts(
        inserted,
        updated,
        batchSize - inserted - updated - skippedOlder,
        skippedOlder,
        Rejects.NONE);
  }

  /** These counts with the batch's rejected records, which the other counts leave out. */
  public WriteCounts withRejected(Rejects rejects) {
    return new WriteCounts(inserted, updated, unchanged, skippedOlder, rejected.plus(rejects));
  }

  public WriteCounts plus(WriteCounts other) {
    return new WriteCounts(
        inserted + other.inserted,
        updated + other.updated,
        unchanged + other.unchanged,
        skippedOlder + other.skippedOlder,
        rejected.plus(other.rejected));
  }

  /** The records the table took or already held: all but the rejected. */
  public long total() {
    return inserted + updated + unchanged + skippedOlder;
  }
}
