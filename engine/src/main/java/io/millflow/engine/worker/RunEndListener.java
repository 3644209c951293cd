package io.millflow.engine.worker;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.history.RunStatus;

/**
 * Handles the end execution listener Millflow adds to every process it deploys: the process instance completed. This
 * is how the run history learns of a run's end, in every engine mode.
 */
final class RunEndListener implements JobHandler {

  private final String tenantId;
  private final String engineId;
  private final RunHistory history;

  RunEndListener(String tenantId, String engineId, RunHistory history) {
    this.tenantId = tenantId;
    this.engineId = engineId;
    this.history = history;
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    history.endRun(new RunKey(tenantId, engineId, job.getProcessInstanceKey()), job.getBpmnProcessId(), RunStatus.COMPLETED);
    client.newCompleteCommand(job).send().join();
  }
}
