package io.millflow.engine.run;

import io.millflow.engine.sync.SyncCursors;
import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepLog;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The incremental cursor of a source step (the input marked {@code @Param(cursor = true)}): filled from the cursor the
 * last completed run committed when the flow leaves it empty, and the step's new cursor staged for this run's end.
 */
final class CursorInput {

  private static final String CONNECTION = "connection";

  private final String name;
  private final SyncCursors cursors;

  private CursorInput(String name, SyncCursors cursors) {
    this.name = name;
    this.cursors = cursors;
  }

  static CursorInput of(StepDescriptor step, SyncCursors cursors) {
    String name = !step.inputType().isRecord() ? null : Arrays.stream(step.inputType().getRecordComponents())
        .filter(c -> c.isAnnotationPresent(Param.class) && c.getAnnotation(Param.class).cursor())
        .map(RecordComponent::getName).findFirst().orElse(null);
    return new CursorInput(name, cursors);
  }

  /** The variables with the committed cursor filled in when the flow gave none. */
  Map<String, Object> fill(Map<String, Object> variables, String tenantId, String flowId, String elementId, StepLog log) {
    Optional<String> connection = connection(variables);
    if (name == null || connection.isEmpty() || variables.get(name) != null) {
      return variables;
    }
    Optional<String> committed = cursors.committed(tenantId, flowId, elementId, connection.get());
    if (committed.isEmpty()) {
      log.info("No committed cursor for this task and connection '" + connection.get() + "': reading from the start");
      return variables;
    }
    log.info("Incremental read from " + committed.get() + ", where the last completed run stopped");
    Map<String, Object> filled = new HashMap<>(variables);
    filled.put(name, committed.get());
    return filled;
  }

  /** Keeps the step's new cursor with the run; it is committed when the run completes. */
  void stage(Object output, Map<String, Object> variables, UUID runId, String elementId) {
    Optional<String> connection = connection(variables);
    if (name != null && connection.isPresent() && output instanceof ReadResult read && read.cursor() != null) {
      cursors.stage(runId, elementId, connection.get(), read.cursor().toString());
    }
  }

  private static Optional<String> connection(Map<String, Object> variables) {
    return variables.get(CONNECTION) instanceof String connection && !connection.isBlank()
        ? Optional.of(connection) : Optional.empty();
  }
}
