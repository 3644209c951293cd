package io.millflow.engine.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.millflow.engine.events.EventType;
import io.millflow.engine.flow.FlowOwners;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.history.RunStatus;
import io.millflow.engine.store.StoreOutage;
import java.util.Map;
import java.util.UUID;

/**
 * Handles the end execution listener Millflow adds to every process it deploys: the process instance completed. This
 * is how the run history learns of a run's end, in every engine mode, and when the run's sync cursors advance.
 */
final class RunEndListener implements JobHandler {

  private final WorkerServices services;

  RunEndListener(WorkerServices services) {
    this.services = services;
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    UUID runId;
    try {
      FlowOwners.Owner owner = services.owners().ownerOf(job.getBpmnProcessId());
      runId = services.history().endRun(new RunKey(owner.tenantId(), services.engineId(),
          job.getProcessInstanceKey()), owner.flowId(), RunStatus.COMPLETED);
      // Only now, with every sink of the run done, may its reads' cursors advance.
      services.cursors().commit(runId);
      services.events().emit(owner.tenantId(), EventType.SYNC_COMPLETED, Map.of("runId", runId.toString(),
          "flowId", owner.flowId(), "processInstanceKey", job.getProcessInstanceKey()));
    } catch (RuntimeException e) {
      if (!StoreOutage.isUnreachable(e)) {
        throw e;
      }
      StoreUnavailable.handBack(services.timeoutExtender(), job, e); // each write above may safely run again
      return;
    }
    client.newCompleteCommand(job).send().join();
  }
}
