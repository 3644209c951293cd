package io.millflow.bench.sinks;

import io.millflow.step.Connection;
import io.millflow.step.DatasetStore;
import io.millflow.step.Json;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepLog;
import io.millflow.step.WriteResult;
import java.time.Clock;
import java.util.Map;

/**
 * The step context of one bench run: one connection, the file dataset store, log lines to stdout. Steps are called
 * as the worker adapter calls them: job variables (JSON) read into the step's input record.
 */
final class BenchContext implements StepContext {

  private final Connection connection;
  private final FileDatasetStore datasets;

  BenchContext(Connection connection, FileDatasetStore datasets) {
    this.connection = connection;
    this.datasets = datasets;
  }

  /** Runs a write step with the given job variables, as the engine would. */
  @SuppressWarnings("unchecked")
  WriteResult run(Step<?, WriteResult> step, Map<String, Object> variables) {
    Object input = Json.mapper().convertValue(variables, StepDescriptor.of(step).inputType());
    return ((Step<Object, WriteResult>) step).run(input, this);
  }

  @Override
  public String tenantId() {
    return "bench";
  }

  @Override
  public String runId() {
    return "bench-run";
  }

  @Override
  public Connection connection(String name) {
    return connection;
  }

  @Override
  public DatasetStore datasets() {
    return datasets;
  }

  @Override
  public StepLog log() {
    return new StepLog() {
      @Override
      public void info(String message) {
        System.out.println("  step: " + message);
      }

      @Override
      public void warn(String message) {
        System.out.println("  step WARN: " + message);
      }

      @Override
      public void error(String message) {
        System.out.println("  step ERROR: " + message);
      }
    };
  }

  @Override
  public void progress(long done, long total) {}

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }
}
