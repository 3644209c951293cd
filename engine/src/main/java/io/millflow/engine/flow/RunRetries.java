package io.millflow.engine.flow;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunDetail;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.zeebe.ZeebeRuntime;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Retries a run stopped at an incident, after its cause was fixed: the failed jobs get their retries back and the
 * incidents are resolved, so Zeebe runs the failed steps again from where the run stopped.
 */
@Singleton
public class RunRetries {

  static final int RETRIES = 3;

  private final RunHistory history;
  private final ZeebeRuntime zeebe;

  public RunRetries(RunHistory history, ZeebeRuntime zeebe) {
    this.history = history;
    this.zeebe = zeebe;
  }

  /**
   * @return the run, or empty when the tenant has no such run
   * @throws RunNotRetryableException when the run is not at an incident, or ran on an engine that is gone
   */
  public Optional<FlowRun> retry(String tenantId, UUID runId) {
    Optional<RunDetail> found = history.findRun(tenantId, runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FlowRun run = found.get().run();
    if (!"incident".equals(run.status())) {
      throw new RunNotRetryableException("Run " + runId + " is " + run.status() + ": only a run at an incident can be retried.");
    }
    if (!history.ranOn(runId, zeebe.engineId())) {
      throw new RunNotRetryableException("Run " + runId + " ran on an earlier in-memory engine, which forgot it when "
          + "Millflow restarted: start the flow again.");
    }
    failedJobs(found.get()).forEach(job -> zeebe.client().newUpdateRetriesCommand(job).retries(RETRIES).send().join());
    List<Long> incidents = openIncidents(run);
    incidents.forEach(incident -> zeebe.client().newResolveIncidentCommand(incident).send().join());
    history.markRetried(runId);
    return history.findRun(tenantId, runId).map(RunDetail::run);
  }

  private List<Long> openIncidents(FlowRun run) {
    try {
      return zeebe.openIncidents(run.processInstanceKey());
    } catch (IllegalStateException e) {
      throw new RunNotRetryableException(e.getMessage());
    }
  }

  private static List<Long> failedJobs(RunDetail run) {
    return run.steps().stream().map(RunDetail.StepAttempt::step)
        .filter(step -> "failed".equals(step.status()))
        .map(step -> step.jobKey())
        .distinct().toList();
  }

  /** The run cannot be retried as it is; the message says why and what to do instead. */
  public static class RunNotRetryableException extends RuntimeException {
    public RunNotRetryableException(String message) {
      super(message);
    }
  }
}
