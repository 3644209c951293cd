package io.millflow.engine.ledger;

import io.millflow.step.DatasetRef;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The datasets a step's input or output is, or holds in its record components. */
public final class HeldDatasets {

  private HeldDatasets() {}

  public static List<DatasetRef> of(Object value) {
    if (value instanceof DatasetRef ref) {
      return List.of(ref);
    }
    List<DatasetRef> refs = new ArrayList<>();
    if (value != null && value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        if (component(component, value) instanceof DatasetRef ref) {
          refs.add(ref);
        }
      }
    }
    return refs;
  }

  /** The value of one record component, whatever the record's visibility. */
  static Object component(RecordComponent component, Object record) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot read " + component, e);
    }
  }
}
