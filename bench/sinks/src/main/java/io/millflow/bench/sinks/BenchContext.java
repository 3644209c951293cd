package io.millflow.bench.sinks;

import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.Json;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepLog;
import io.millflow.step.WriteResult;
import io.millflow.step.testing.TestStepContext;
import java.time.Clock;
import java.util.Map;

/**
 * The step-library's {@link TestStepContext} (one connection, captured log and progress) with the file dataset store in
 * place of its in-memory one. Steps are called as the worker adapter calls them: job variables read into the step's
 * input record.
 */
final class BenchContext implements StepContext {

  private final TestStepContext test;
  private final FileDatasetStore datasets;

  private BenchContext(Connection connection, FileDatasetStore datasets) {
    this.test = new TestStepContext().withConnection(connection);
    this.datasets = datasets;
  }

  /** A write step's result and how long it took. */
  record Written(Timed timed, WriteResult result) {}

  /** Runs a write step in upsert mode on {@code dataset}, timed, and prints the step's log. */
  @SuppressWarnings("unchecked")
  static Written upsert(Step<?, WriteResult> step, Connection connection, FileDatasetStore datasets,
      DatasetRef dataset) throws Exception {
    BenchContext context = new BenchContext(connection, datasets);
    Object input = Json.mapper().convertValue(Map.of("connection", connection.name(), "mode", "upsert",
        "records", dataset), StepDescriptor.of(step).inputType());
    WriteResult[] result = new WriteResult[1];
    Timed timed = Timed.of(() -> result[0] = ((Step<Object, WriteResult>) step).run(input, context));
    context.test.logLines().forEach(line -> System.out.println("  step " + line));
    return new Written(timed, result[0]);
  }

  @Override
  public String tenantId() {
    return test.tenantId();
  }

  @Override
  public String runId() {
    return test.runId();
  }

  @Override
  public String taskKey() {
    return test.taskKey();
  }

  @Override
  public Connection connection(String name) {
    return test.connection(name);
  }

  @Override
  public DatasetStore datasets() {
    return datasets;
  }

  @Override
  public StepLog log() {
    return test.log();
  }

  @Override
  public void progress(long done, long total) {
    test.progress(done, total);
  }

  @Override
  public Clock clock() {
    return test.clock();
  }
}
