package io.millflow.step;

import java.util.stream.Stream;

/** Where steps put and take the records they exchange (the claim-check pattern). */
public interface DatasetStore {

  /** Starts a dataset of the given entity, owned by the current run. */
  DatasetWriter create(String entity);

  /**
   * Streams a dataset's records in the order they were written, one chunk in memory at a time.
   * Close the stream (use try-with-resources) to release the store's resources.
   *
   * @throws StepFailure with code {@code DATASET_NOT_FOUND} when the dataset does not exist
   *     (expired, or another run's)
   */
  <T> Stream<T> read(DatasetRef ref, Class<T> type);
}
