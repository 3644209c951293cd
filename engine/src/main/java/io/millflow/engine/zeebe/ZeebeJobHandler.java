package io.millflow.engine.zeebe;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskHandler;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Hands a Zeebe job to the engine-neutral attempt runner and turns the outcome into Zeebe's
 * command.
 */
final class ZeebeJobHandler implements JobHandler {

  private static final Logger LOG = Logger.getLogger(ZeebeJobHandler.class);

  private final TaskHandler handler;
  private final CamundaClient zeebe;
  private final RetryDelay retryDelay;

  ZeebeJobHandler(TaskHandler handler, CamundaClient zeebe, RetryDelay retryDelay) {
    this.handler = handler;
    this.zeebe = zeebe;
    this.retryDelay = retryDelay;
  }

  @Override
  public void handle(JobClient client, ActivatedJob job) {
    AttemptOutcome outcome = handler.attempt(task(job), duration -> updateTimeout(job, duration));
    try {
      apply(client, job, outcome);
    } catch (ZeebeCommandFailed e) {
      LOG.errorf(
          e.getCause(),
          "Zeebe did not take the outcome of job %d (%s); Zeebe hands the job out again after its "
              + "timeout",
          job.getKey(),
          job.getType());
    }
  }

  static ActivatedTask task(ActivatedJob job) {
    return new ActivatedTask(
        Long.toString(job.getKey()),
        job.getType(),
        job.getBpmnProcessId(),
        Long.toString(job.getProcessDefinitionKey()),
        Long.toString(job.getProcessInstanceKey()),
        job.getElementId(),
        Long.toString(job.getElementInstanceKey()),
        job.getRetries(),
        job.getVariablesAsMap(),
        job.getCustomHeaders());
  }

  private void apply(JobClient client, ActivatedJob job, AttemptOutcome outcome) {
    switch (outcome) {
      case AttemptOutcome.Completed completed -> {
        if (completed.recordCompletion() != null) {
          completed
              .recordCompletion()
              .beforeCompletion(); // the run's end, told after this, must see it
        }
        ZeebeCommandFailed.guard(
            () -> client.newCompleteCommand(job).variables(completed.variables()).send().join());
        if (completed.recordCompletion() != null) {
          completed.recordCompletion().record();
        }
      }
      case AttemptOutcome.RetryLater retry ->
          retryDelay.failAfter(client, job, retry.retriesLeft(), retry.backoff(), retry.message());
      case AttemptOutcome.Incident incident ->
          ZeebeCommandFailed.guard(
              () ->
                  client
                      .newFailCommand(job)
                      .retries(0)
                      .errorMessage(incident.message())
                      .send()
                      .join());
      case AttemptOutcome.BpmnError error ->
          ZeebeCommandFailed.guard(
              () ->
                  client
                      .newThrowErrorCommand(job)
                      .errorCode(error.code())
                      .errorMessage(error.message())
                      .send()
                      .join());
      case AttemptOutcome.HandBack handBack -> handBack(job, handBack.after());
    }
  }

  private void updateTimeout(ActivatedJob job, Duration duration) {
    zeebe.newUpdateTimeoutCommand(job.getKey()).timeout(duration).send().join();
  }

  /**
   * The job's timeout is set to {@code after} from now: Zeebe hands it out again then, its retries
   * untouched.
   */
  private void handBack(ActivatedJob job, Duration after) {
    try {
      updateTimeout(job, after);
    } catch (RuntimeException e) {
      LOG.warnf(
          "Could not shorten the timeout of job %d (%s); it is handed out again when its timeout passes",
          job.getKey(), e.getMessage());
    }
  }
}
