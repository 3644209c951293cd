package io.millflow.engine.observe;

import jakarta.inject.Singleton;
import java.util.UUID;

/** Opens the observation of each step attempt: its span, its log context and its meters. */
@Singleton
public class AttemptObserver {

  private final MillflowMetrics metrics;
  private final RunTraces traces;
  private final Tracing tracing;
  private final RunLog runs;

  public AttemptObserver(MillflowMetrics metrics, RunTraces traces, Tracing tracing, RunLog runs) {
    this.metrics = metrics;
    this.traces = traces;
    this.tracing = tracing;
    this.runs = runs;
  }

  /** Observes an attempt from now until the returned observation is closed, on this thread. */
  public AttemptObservation begin(
      String tenantId, String flowId, UUID runId, String stepType, String elementId) {
    return new AttemptObservation(
        this, new AttemptObservation.Subject(tenantId, flowId, runId, stepType, elementId));
  }

  MillflowMetrics metrics() {
    return metrics;
  }

  RunTraces traces() {
    return traces;
  }

  Tracing tracing() {
    return tracing;
  }

  /** The run log, for the adapters' ends of runs. */
  public RunLog runs() {
    return runs;
  }
}
