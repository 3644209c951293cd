package io.millflow.engine.flow;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunDetail;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunStatus;
import io.millflow.engine.port.ProcessEngine;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Retries a run stopped at an incident, after its cause was fixed: the failed tasks get their
 * retries back and the incidents are resolved, so the engine runs the failed steps again from where
 * the run stopped. On the same version, a retry runs the flow as the run started it (a fix to the
 * flow is not seen); on the latest version, the engine first moves the run there, where it can.
 */
@Singleton
public class RunRetries {

  static final int RETRIES = 3;

  private final RunHistory history;
  private final ProcessEngine engine;

  public RunRetries(RunHistory history, ProcessEngine engine) {
    this.history = history;
    this.engine = engine;
  }

  /**
   * @return the run, or empty when the tenant has no such run
   * @throws RunConflictException when the run is not at an incident, or ran on an engine that is
   *     gone
   */
  public Optional<FlowRun> retry(String tenantId, UUID runId) {
    return retry(tenantId, runId, RetryTarget.SAME_VERSION);
  }

  /** Which version of its flow a retried run continues on. */
  public enum RetryTarget {
    /** The version the run started on. */
    SAME_VERSION,
    /** The flow's latest deployed version: the run is moved there first. */
    LATEST_VERSION
  }

  /**
   * @return the run, or empty when the tenant has no such run
   * @throws RunConflictException when the run is not at an incident, ran on an engine that is gone,
   *     or (on the latest version) the engine cannot move it
   */
  public Optional<FlowRun> retry(String tenantId, UUID runId, RetryTarget target) {
    Optional<RunDetail> found = history.findRun(tenantId, runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    FlowRun run = found.get().run();
    if (!RunStatus.INCIDENT.stored().equals(run.status())) {
      throw new RunConflictException(
          "Run " + runId + " is " + run.status() + ": only a run at an incident can be retried.");
    }
    if (!history.ranOn(runId, engine.engineId())) {
      throw new RunConflictException(
          "Run "
              + runId
              + " ran on another engine than this one ("
              + engine.engineId()
              + "), which cannot retry it: start the flow again.");
    }
    // Marked running before the engine is told, so a worker that takes the step at once (and may
    // end it, or stop at a new incident) is never overwritten by the mark; undone when the engine
    // refuses.
    switch (target) {
      case SAME_VERSION -> history.markRetried(runId);
      case LATEST_VERSION -> history.markRetriedOnLatest(runId);
    }
    try {
      switch (target) {
        case SAME_VERSION -> engine.retry(run.processInstanceKey(), RETRIES);
        case LATEST_VERSION -> engine.retryOnLatest(run.processInstanceKey(), RETRIES);
      }
    } catch (UnsupportedOperationException e) {
      history.restoreIncident(run);
      throw new RunConflictException(EngineCapabilities.RETRY_ON_LATEST_REFUSED);
    } catch (IllegalStateException e) {
      history.restoreIncident(run);
      throw new RunConflictException(e.getMessage());
    } catch (RuntimeException e) {
      history.restoreIncident(run);
      throw e;
    }
    return history.run(tenantId, runId);
  }
}
