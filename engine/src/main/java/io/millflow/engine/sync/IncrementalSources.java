package io.millflow.engine.sync;

import io.millflow.engine.catalog.StepCatalog;
import io.millflow.engine.flow.FlowTasks;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * The tasks of a flow that read incrementally: their step has a cursor input ({@link
 * CursorParams}).
 */
@Singleton
public class IncrementalSources {

  /** One incremental source task: element id, step type, and the inputs of its window. */
  public record Source(String elementId, String stepType, CursorParams params) {

    /** Whether the source can read a past window: it has an upper bound to fill. */
    public boolean boundable() {
      return params.until().isPresent();
    }
  }

  private final FlowTasks tasks;
  private final StepCatalog steps;

  public IncrementalSources(FlowTasks tasks, StepCatalog steps) {
    this.tasks = tasks;
    this.steps = steps;
  }

  /** The flow's incremental sources, in document order; empty when the tenant has no such flow. */
  public Optional<List<Source>> of(String tenantId, String flowId) {
    return tasks
        .of(tenantId, flowId)
        .map(
            all ->
                all.stream()
                    .flatMap(
                        task ->
                            Optional.ofNullable(task.stepType()).flatMap(steps::find).stream()
                                .map(
                                    step ->
                                        new Source(
                                            task.elementId(), step.id(), CursorParams.of(step))))
                    .filter(source -> source.params().incremental())
                    .toList());
  }
}
