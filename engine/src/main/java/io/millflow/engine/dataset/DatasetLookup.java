package io.millflow.engine.dataset;

import java.util.UUID;

/** What a run's dataset is when asked for its records: stored, deleted by retention, or unknown. */
public sealed interface DatasetLookup {

  /** Stored and sealed: its records can be read. */
  record Stored(UUID id, String entity, long records) implements DatasetLookup {}

  /** One of the run's steps read or wrote it, and retention has deleted it since. */
  record Expired(String dataset) implements DatasetLookup {}

  /** No step of the run read or wrote a dataset of that id (or the run is another tenant's). */
  record Unknown(String dataset) implements DatasetLookup {}
}
