package io.millflow.bench.sinks;

import io.millflow.step.DatasetRef;

/** A sink under test: a server the bench started, the Millflow step, and the bare loader of the same rows. */
interface Sink extends AutoCloseable {

  /** What the table calls it: the server, the step, the baseline, and what {@link Result#rows()} counts. */
  Labels labels();

  record Labels(String server, String step, String baseline, String rows) {}

  /**
   * Writes the dataset with the step into a fresh target named after {@code prefix}, then loads exactly the rows the
   * step stored into a second fresh target of the same shape with the bare loader (exported beforehand, untimed).
   */
  Result run(DatasetRef dataset, FileDatasetStore store, String prefix) throws Exception;

  /** Both phases, and the rows (or documents) each target holds afterwards. */
  record Result(Timed step, Timed bare, long rows) {}
}
