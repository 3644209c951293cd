package io.millflow.step;

/**
 * Appends records to a new dataset. Records are buffered in chunks and flushed as they fill, so a
 * writer never holds a whole dataset in memory. {@link #finish()} seals the dataset and returns its
 * reference; closing without finishing discards what was written.
 */
public interface DatasetWriter extends AutoCloseable {

  void add(Object record);

  long count();

  DatasetRef finish();

  @Override
  void close();
}
