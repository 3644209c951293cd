package io.millflow.engine.run;

import io.millflow.step.DatasetRef;
import io.millflow.step.ReadResult;
import io.millflow.step.WriteResult;
import java.lang.reflect.RecordComponent;

/** Records in and out of a step attempt, read from its input and output for the run history. */
final class RecordCounts {

  private RecordCounts() {}

  static Long in(Object input) {
    return datasetCount(input);
  }

  static Long out(Object output) {
    return switch (output) {
      case null -> null;
      case WriteResult write -> write.total();
      case ReadResult read -> read.records() == null ? 0L : read.records().count();
      default -> datasetCount(output);
    };
  }

  /** The records of every dataset the value holds directly or in one of its record components. */
  private static Long datasetCount(Object value) {
    if (value instanceof DatasetRef ref) {
      return ref.count();
    }
    if (value == null || !value.getClass().isRecord()) {
      return null;
    }
    Long total = null;
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      try {
        var accessor = component.getAccessor();
        accessor.setAccessible(true);
        if (accessor.invoke(value) instanceof DatasetRef ref) {
          total = (total == null ? 0 : total) + ref.count();
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot read " + component, e);
      }
    }
    return total;
  }
}
