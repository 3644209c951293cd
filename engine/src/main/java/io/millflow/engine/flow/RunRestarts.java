package io.millflow.engine.flow;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunInputs;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts a run's flow again, on its latest version, with the variables the run started with: the
 * way on when a retry cannot pick up a fix (the run ended, or the engine cannot move it).
 */
@Singleton
public class RunRestarts {

  private final RunHistory history;
  private final RunInputs inputs;
  private final FlowService flows;

  public RunRestarts(RunHistory history, RunInputs inputs, FlowService flows) {
    this.history = history;
    this.inputs = inputs;
    this.flows = flows;
  }

  /**
   * @return the new run; empty when the tenant has no such run
   * @throws RunConflictException when the run's input was not kept, or its flow is gone
   */
  public Optional<FlowRun> restart(String tenantId, UUID runId, String startedBy) {
    Optional<FlowRun> found = history.run(tenantId, runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FlowRun run = found.get();
    Map<String, Object> input =
        inputs
            .of(tenantId, runId)
            .orElseThrow(
                () ->
                    new RunConflictException(
                        "Run "
                            + runId
                            + " started before Millflow kept runs' input (or with an input over 64 KB):"
                            + " start flow '"
                            + run.flowId()
                            + "' with its variables instead."));
    return Optional.of(
        flows
            .start(tenantId, run.flowId(), input, startedBy)
            .orElseThrow(
                () ->
                    new RunConflictException(
                        "Flow '"
                            + run.flowId()
                            + "' of run "
                            + runId
                            + " is no longer deployed.")));
  }
}
