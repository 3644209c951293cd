package io.millflow.step.testing;

import io.millflow.step.Batches;
import io.millflow.step.Connection;
import io.millflow.step.RecordAccount;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepLog;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs steps outside the engine: connections by name, an in-memory dataset store, captured log
 * lines and progress.
 */
public final class TestStepContext implements StepContext {

  private String taskKey = "test-run:task";

  private final InMemoryDatasetStore datasets = new InMemoryDatasetStore();
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final List<long[]> progress = new CopyOnWriteArrayList<>();
  private final List<Batches> batches = new CopyOnWriteArrayList<>();
  private final List<RecordAccount> accounts = new CopyOnWriteArrayList<>();
  private Clock clock = Clock.systemUTC();

  public TestStepContext withConnection(Connection connection) {
    connections.put(connection.name(), connection);
    return this;
  }

  /** Another service task's context: a write step's idempotency keys differ from this one's. */
  public TestStepContext withTaskKey(String taskKey) {
    this.taskKey = taskKey;
    return this;
  }

  public TestStepContext withClock(Clock clock) {
    this.clock = clock;
    return this;
  }

  @Override
  public String tenantId() {
    return "test";
  }

  @Override
  public String runId() {
    return "test-run";
  }

  @Override
  public String taskKey() {
    return taskKey;
  }

  /** The real FEEL engine, without the runtime's budget: see {@link TestFeel}. */
  @Override
  public io.millflow.step.StepExpression expression(String role, String feel) {
    return TestFeel.compile(role, feel);
  }

  @Override
  public Connection connection(String name) {
    Connection connection = connections.get(name);
    if (connection == null) {
      throw new StepFailure("CONNECTION_NOT_FOUND", "No connection named '" + name + "'");
    }
    return connection;
  }

  @Override
  public InMemoryDatasetStore datasets() {
    return datasets;
  }

  @Override
  public StepLog log() {
    return new StepLog() {
      @Override
      public void info(String message) {
        logLines.add("INFO " + message);
      }

      @Override
      public void warn(String message) {
        logLines.add("WARN " + message);
      }

      @Override
      public void error(String message) {
        logLines.add("ERROR " + message);
      }
    };
  }

  @Override
  public void progress(long done, long total) {
    progress.add(new long[] {done, total});
  }

  @Override
  public void progress(long done, long total, Batches batches) {
    progress(done, total);
    this.batches.add(batches);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public void account(RecordAccount account) {
    accounts.add(account);
  }

  /** What the step told the ledger, in order. */
  public List<RecordAccount> accounts() {
    return List.copyOf(accounts);
  }

  public List<String> logLines() {
    return List.copyOf(logLines);
  }

  public List<long[]> progressReports() {
    return List.copyOf(progress);
  }

  /** The pages or windows the step reported, in order. */
  public List<Batches> batchReports() {
    return List.copyOf(batches);
  }
}
