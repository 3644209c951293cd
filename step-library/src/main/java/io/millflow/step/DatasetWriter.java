package io.millflow.step;

/**
 * Appends records to a new dataset. Records are buffered in chunks and flushed as they fill, so a
 * writer never holds a whole dataset in memory. {@link #finish()} seals the dataset and returns its
 * reference; closing without finishing discards what was written.
 */
public interface DatasetWriter extends AutoCloseable {

  void add(Object record);

  /**
   * Adds one record given as its JSON text, e.g. a slice of the page a source sent: {@code length}
   * bytes of UTF-8 from {@code offset}, one JSON value with no line break in it. A store that keeps
   * JSON lines copies the bytes as they are, sparing the parse and the write a tree would cost;
   * this default parses them and {@linkplain #add adds} the tree.
   */
  default void addJson(byte[] json, int offset, int length) {
    try {
      add(Json.mapper().readTree(json, offset, length));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("A record's JSON text could not be read", e);
    }
  }

  long count();

  DatasetRef finish();

  @Override
  void close();
}
