package io.millflow.connector.mongodb;

/**
 * Documents inserted, updated, left unchanged and kept out as older than the stored version
 * (newer-wins), summed over the batches of one write.
 */
record WriteCounts(long inserted, long updated, long unchanged, long skippedOlder) {

  static final WriteCounts NONE = new WriteCounts(0, 0, 0);

  WriteCounts(long inserted, long updated, long unchanged) {
    this(inserted, updated, unchanged, 0);
  }

  WriteCounts plus(WriteCounts other) {
    return new WriteCounts(
        inserted + other.inserted,
        updated + other.updated,
        unchanged + other.unchanged,
        skippedOlder + other.skippedOlder);
  }

  long total() {
    return inserted + updated + unchanged + skippedOlder;
  }
}
