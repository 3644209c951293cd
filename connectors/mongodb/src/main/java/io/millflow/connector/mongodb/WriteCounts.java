package io.millflow.connector.mongodb;

/** Documents inserted, updated and left unchanged, summed over the batches of one write. */
record WriteCounts(long inserted, long updated, long unchanged) {

  static final WriteCounts NONE = new WriteCounts(0, 0, 0);

  WriteCounts plus(WriteCounts other) {
    return new WriteCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
  }

  long total() {
    return inserted + updated + unchanged;
  }
}
