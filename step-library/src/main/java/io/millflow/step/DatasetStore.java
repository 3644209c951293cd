package io.millflow.step;

import java.util.Optional;
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

  /**
   * Starts a dataset that a later attempt of the same task finds again by {@code name} with {@link
   * #named}: a step's checkpoint of effects outside Millflow that must not be repeated (a call with
   * no idempotency key). The step chooses the name, derived from {@link StepContext#taskKey()}; a
   * name holds one dataset, sealed by {@link DatasetWriter#finish()}.
   *
   * @throws UnsupportedOperationException from a store that keeps no named datasets
   */
  default DatasetWriter create(String entity, String name) {
    throw new UnsupportedOperationException("This dataset store keeps no named datasets");
  }

  /** The sealed dataset created under {@code name}, if there is one. */
  default Optional<DatasetRef> named(String name) {
    return Optional.empty();
  }
}
