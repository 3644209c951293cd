package io.millflow.engine.run;

import io.millflow.engine.ledger.HeldDatasets;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReadResult;
import io.millflow.step.WriteResult;
import java.util.List;

/** Records in and out of a step attempt, read from its input and output for the run history. */
final class RecordCounts {

  private RecordCounts() {}

  static Long in(Object input) {
    return count(HeldDatasets.of(input));
  }

  static Long out(Object output) {
    return switch (output) {
      case null -> null;
      case WriteResult write -> write.total();
      case ReadResult read -> read.records() == null ? 0L : read.records().count();
      default -> count(HeldDatasets.of(output));
    };
  }

  /** The records of the datasets, or null when there are none. */
  private static Long count(List<DatasetRef> datasets) {
    return datasets.isEmpty() ? null : datasets.stream().mapToLong(DatasetRef::count).sum();
  }
}
