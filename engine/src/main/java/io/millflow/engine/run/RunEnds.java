package io.millflow.engine.run;

import io.millflow.engine.events.EventType;
import io.millflow.engine.flow.FlowOwners;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.history.RunStatus;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.RunEndHandler;
import io.millflow.engine.store.StoreOutage;
import java.util.Map;
import java.util.UUID;

/**
 * Told by the engine that an instance completed: the run history ends the run, and only now, with every sink of the
 * run done, may its reads' cursors advance. Each write here may safely run again, so an unreachable store hands the
 * news back to be told again.
 */
final class RunEnds implements RunEndHandler {

  private final WorkerServices services;

  RunEnds(WorkerServices services) {
    this.services = services;
  }

  @Override
  public AttemptOutcome runEnded(String processId, String instanceKey) {
    try {
      FlowOwners.Owner owner = services.owners().ownerOf(processId);
      UUID runId = services.history().endRun(new RunKey(owner.tenantId(), services.engineId(), instanceKey),
          owner.flowId(), RunStatus.COMPLETED);
      services.cursors().commit(runId);
      services.events().emit(owner.tenantId(), EventType.SYNC_COMPLETED, Map.of("runId", runId.toString(),
          "flowId", owner.flowId(), "processInstanceKey", instanceKey));
      return new AttemptOutcome.Completed(Map.of(), null);
    } catch (RuntimeException e) {
      if (!StoreOutage.isUnreachable(e)) {
        throw e;
      }
      return StoreUnavailable.handBack("the end of instance " + instanceKey, e);
    }
  }
}
