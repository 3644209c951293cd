package io.millflow.engine.observe;

import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The start and end of every run: one INFO line each (ids and status, never variables or records),
 * and the run counters. A run that stops at an incident logs that as its end until it is retried.
 */
@Singleton
public class RunLog {

  private static final Logger LOG = Logger.getLogger(RunLog.class);

  private final MillflowMetrics metrics;

  public RunLog(MillflowMetrics metrics) {
    this.metrics = metrics;
  }

  public void started(String tenantId, String flowId, UUID runId) {
    metrics.runStarted(tenantId, flowId);
    LOG.infof("Run %s of flow %s started", runId, flowId);
  }

  /** {@code status}: completed, incident, cancelled or failed. */
  public void ended(String tenantId, String flowId, UUID runId, String status) {
    metrics.runEnded(tenantId, flowId, status);
    LOG.infof("Run %s of flow %s ended: %s", runId, flowId, status);
  }
}
