package io.millflow.engine.flow;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunDetail;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.observe.RunLog;
import io.millflow.engine.port.ProcessEngine;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Cancels a run that has not ended: the engine ends its instance, and the history says who
 * cancelled it.
 */
@Singleton
public class RunCancellation {

  private final RunHistory history;
  private final ProcessEngine engine;
  private final RunLog runs;

  public RunCancellation(RunHistory history, ProcessEngine engine, RunLog runs) {
    this.history = history;
    this.runs = runs;
    this.engine = engine;
  }

  /**
   * @return the run, or empty when the tenant has no such run
   * @throws RunConflictException (as a conflict) when the run already ended or ran on another
   *     engine
   */
  public Optional<FlowRun> cancel(String tenantId, UUID runId, String by) {
    Optional<RunDetail> found = history.findRun(tenantId, runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FlowRun run = found.get().run();
    if (run.endedAt() != null) {
      throw new RunConflictException(
          "Run " + runId + " already ended (" + run.status() + "): there is nothing to cancel.");
    }
    if (!history.ranOn(runId, engine.engineId())) {
      throw new RunConflictException(
          "Run "
              + runId
              + " ran on another engine than this one ("
              + engine.engineId()
              + "), which cannot cancel it.");
    }
    engine.cancel(run.processInstanceKey());
    history.markCancelled(runId, by);
    runs.ended(tenantId, run.flowId(), runId, "cancelled");
    return history.run(tenantId, runId);
  }
}
