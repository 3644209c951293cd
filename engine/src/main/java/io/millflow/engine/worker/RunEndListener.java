package io.millflow.engine.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.history.RunStatus;
import io.millflow.engine.sync.SyncCursors;
import java.util.UUID;

/**
 * Handles the end execution listener Millflow adds to every process it deploys: the process instance completed. This
 * is how the run history learns of a run's end, in every engine mode, and when the run's sync cursors advance.
 */
final class RunEndListener implements JobHandler {

  private final String tenantId;
  private final String engineId;
  private final RunHistory history;
  private final SyncCursors cursors;

  RunEndListener(String tenantId, String engineId, RunHistory history, SyncCursors cursors) {
    this.tenantId = tenantId;
    this.engineId = engineId;
    this.history = history;
    this.cursors = cursors;
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    UUID runId = history.endRun(new RunKey(tenantId, engineId, job.getProcessInstanceKey()), job.getBpmnProcessId(),
        RunStatus.COMPLETED);
    // Only now, with every sink of the run done, may its reads' cursors advance.
    cursors.commit(runId);
    client.newCompleteCommand(job).send().join();
  }
}
