package io.millflow.engine.run;

import io.millflow.engine.sync.CursorParams;
import io.millflow.engine.sync.SyncCursors;
import io.millflow.engine.sync.SyncMode;
import io.millflow.engine.sync.SyncModes;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.ReadResult;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepLog;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The incremental cursor of a source step (the input marked {@code @Param(cursor = true)}), filled
 * as the run's {@link SyncMode} says: a plain run reads from the cursor the last completed run
 * committed when the flow leaves it empty (less the step's boundary margin, {@link
 * BoundaryMargin}); a backfill reads its window, whatever the flow gives; a refresh reads from the
 * start. The step's new cursor is staged for the run's end, which decides whether it is committed.
 */
final class CursorInput {

  private static final String CONNECTION = "connection";

  private final CursorParams params;
  private final SyncCursors cursors;
  private final SyncModes modes;

  private CursorInput(CursorParams params, SyncCursors cursors, SyncModes modes) {
    this.params = params;
    this.cursors = cursors;
    this.modes = modes;
  }

  static CursorInput of(StepDescriptor step, SyncCursors cursors, SyncModes modes) {
    return new CursorInput(CursorParams.of(step), cursors, modes);
  }

  /**
   * The variables a step's worker fetches: its inputs, and for an incremental source the run's sync
   * request.
   */
  static List<String> variableNames(StepDescriptor step) {
    List<String> names = new ArrayList<>(StepInputReader.variableNames(step));
    if (CursorParams.of(step).incremental()) {
      names.add(SyncModes.VARIABLE);
    }
    return names;
  }

  /**
   * The variables with the cursor (and a backfill's upper bound) filled in; the sync request taken
   * out.
   */
  Map<String, Object> fill(
      Map<String, Object> variables,
      UUID runId,
      String tenantId,
      String flowId,
      String elementId,
      StepLog log) {
    Map<String, Object> filled = new HashMap<>(variables);
    Object request = filled.remove(SyncModes.VARIABLE);
    if (params.cursor().isEmpty()) {
      return filled;
    }
    SyncMode mode =
        SyncModes.requestId(request)
            .flatMap(id -> modes.bind(id, tenantId, flowId, runId))
            .orElseGet(SyncMode.Incremental::new);
    switch (mode) {
      case SyncMode.Incremental ignored -> fillCommitted(filled, tenantId, flowId, elementId, log);
      case SyncMode.Backfill window -> fillWindow(filled, window, elementId, log);
      case SyncMode.Refresh ignored ->
          log.info(
              "Refresh: reading from the start, as the flow's first run did; the"
                  + " cursor moves when the run completes, and never back past a newer one");
    }
    return filled;
  }

  private void fillCommitted(
      Map<String, Object> variables,
      String tenantId,
      String flowId,
      String elementId,
      StepLog log) {
    String name = params.cursor().orElseThrow();
    Optional<String> connection = connection(variables);
    if (connection.isEmpty() || variables.get(name) != null) {
      return;
    }
    Optional<String> committed = cursors.committed(tenantId, flowId, elementId, connection.get());
    if (committed.isEmpty()) {
      log.info(
          "No committed cursor for this task and connection '"
              + connection.get()
              + "': reading from the start");
      return;
    }
    Optional<String> lookedBack = lookBack(committed.get(), variables);
    if (lookedBack.isPresent()) {
      log.info(
          "Incremental read from "
              + lookedBack.get()
              + ": "
              + committed.get()
              + ", where the last completed run stopped, less the boundary margin "
              + margin(variables).margin()
              + " (records committed late at the boundary are read again; sinks count them as"
              + " unchanged)");
      variables.put(name, lookedBack.get());
      return;
    }
    log.info("Incremental read from " + committed.get() + ", where the last completed run stopped");
    variables.put(name, committed.get());
  }

  /**
   * The committed cursor less the step's boundary margin, when the step has one and the cursor is
   * an instant; empty otherwise (an id watermark has no margin).
   */
  private Optional<String> lookBack(String committed, Map<String, Object> variables) {
    if (params.margin().isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant cursor = OffsetDateTime.parse(committed.strip()).toInstant();
      return Optional.of(margin(variables).lookBack(cursor).toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The step's boundary margin as the flow gives it, else its default. */
  private BoundaryMargin margin(Map<String, Object> variables) {
    Object given = variables.get(params.margin().orElseThrow());
    if (given == null || given instanceof String text && text.isBlank()) {
      return BoundaryMargin.of(null);
    }
    try {
      return BoundaryMargin.of(Duration.parse(given.toString().strip()));
    } catch (DateTimeParseException e) {
      throw new InvalidStepInputException(
          "Input '"
              + params.margin().orElseThrow()
              + "' must be an ISO-8601 duration such as "
              + BoundaryMargin.DEFAULT_TEXT
              + ", not '"
              + given
              + "'.",
          e);
    }
  }

  private void fillWindow(
      Map<String, Object> variables, SyncMode.Backfill window, String elementId, StepLog log) {
    String until =
        params
            .until()
            .orElseThrow(
                () ->
                    new InvalidStepInputException(
                        "Task '"
                            + elementId
                            + "' cannot be"
                            + " backfilled: its step has no upper bound for its cursor '"
                            + params.cursor().orElseThrow()
                            + "' (the flow"
                            + " changed after the backfill was asked for). Refresh the flow instead.",
                        null));
    variables.put(params.cursor().orElseThrow(), window.from().toString());
    variables.put(until, window.to().toString());
    log.info(
        "Backfill of ["
            + window.from()
            + ", "
            + window.to()
            + "): the committed cursor stays where it is");
  }

  /** Keeps the step's new cursor with the run; the run's end commits it, or not. */
  void stage(Object output, Map<String, Object> variables, UUID runId, String elementId) {
    Optional<String> connection = connection(variables);
    if (params.incremental()
        && connection.isPresent()
        && output instanceof ReadResult read
        && read.cursor() != null) {
      cursors.stage(runId, elementId, connection.get(), read.cursor().toString());
    }
  }

  private static Optional<String> connection(Map<String, Object> variables) {
    return variables.get(CONNECTION) instanceof String connection && !connection.isBlank()
        ? Optional.of(connection)
        : Optional.empty();
  }
}
