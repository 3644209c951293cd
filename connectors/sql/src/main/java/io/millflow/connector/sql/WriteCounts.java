package io.millflow.connector.sql;

/** Rows inserted, updated and left unchanged, summed over the batches of one write. */
public record WriteCounts(long inserted, long updated, long unchanged) {

  public static final WriteCounts NONE = new WriteCounts(0, 0, 0);

  /** Counts of a batch of {@code batchSize} records, of which the database reported inserted and updated ones. */
  public static WriteCounts ofBatch(long batchSize, long inserted, long updated) {
    return new WriteCounts(inserted, updated, batchSize - inserted - updated);
  }

  public WriteCounts plus(WriteCounts other) {
    return new WriteCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
  }

  public long total() {
    return inserted + updated + unchanged;
  }
}
