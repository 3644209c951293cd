package io.millflow.step.testing.bench;

import io.millflow.step.Connection;
import io.millflow.step.DatasetStore;
import io.millflow.step.StepContext;
import io.millflow.step.StepLog;
import java.time.Clock;

/**
 * A benchmark's step context: one connection whatever the name asked, the store given, no progress,
 * warnings and errors to standard error (the benchmark's table goes to standard out).
 */
public record BenchStepContext(Connection connection, DatasetStore datasets, Clock clock)
    implements StepContext {

  private static final StepLog TO_STDERR =
      new StepLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
          System.err.println("WARN " + message);
        }

        @Override
        public void error(String message) {
          System.err.println("ERROR " + message);
        }
      };

  public BenchStepContext(Connection connection, DatasetStore datasets) {
    this(connection, datasets, Clock.systemUTC());
  }

  @Override
  public String tenantId() {
    return "bench";
  }

  @Override
  public String runId() {
    return "bench";
  }

  @Override
  public String taskKey() {
    return "bench";
  }

  @Override
  public Connection connection(String name) {
    return connection;
  }

  @Override
  public StepLog log() {
    return TO_STDERR;
  }

  @Override
  public void progress(long done, long total) {}
}
