package io.millflow.engine.run;

import io.millflow.engine.connection.StepConnections;
import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.feel.FeelStepExpression;
import io.millflow.engine.history.RunHistory;
import io.millflow.step.Batches;
import io.millflow.step.Connection;
import io.millflow.step.DatasetStore;
import io.millflow.step.RecordAccount;
import io.millflow.step.StepContext;
import io.millflow.step.StepExpression;
import io.millflow.step.StepLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The context of one step attempt: its run, connections, datasets, the bounded FEEL for its
 * expressions, and a log and progress that go to the history. Log lines pass the attempt's {@link
 * Redaction} on their way, so a step that logs its input logs no secret.
 */
final class JobStepContext implements StepContext {

  private static final Duration PROGRESS_WRITE_INTERVAL = Duration.ofSeconds(1);

  private final String tenantId;
  private final UUID runId;
  private final UUID stepRunId;
  private final String elementInstanceKey;
  private final StepConnections connections;
  private final DatasetStore datasets;
  private final RunHistory history;
  private final Clock clock;
  private final Redaction redaction;
  private final BoundedFeel feel;
  private final AtomicReference<Instant> lastProgressWrite = new AtomicReference<>(Instant.EPOCH);
  private volatile Instant lastProgress;
  private volatile RecordAccount account;
  private volatile Batches batches;

  JobStepContext(
      String tenantId,
      UUID runId,
      UUID stepRunId,
      String elementInstanceKey,
      StepConnections connections,
      DatasetStore datasets,
      RunHistory history,
      Clock clock,
      Redaction redaction,
      BoundedFeel feel) {
    this.tenantId = tenantId;
    this.runId = runId;
    this.stepRunId = stepRunId;
    this.elementInstanceKey = elementInstanceKey;
    this.connections = connections;
    this.datasets = datasets;
    this.history = history;
    this.clock = clock;
    this.redaction = redaction;
    this.feel = feel;
    this.lastProgress = clock.instant();
  }

  @Override
  public String tenantId() {
    return tenantId;
  }

  @Override
  public String runId() {
    return runId.toString();
  }

  /**
   * The run tells engines apart (an in-memory engine reuses keys after a restart); the element
   * instance, tasks.
   */
  @Override
  public String taskKey() {
    return runId + ":" + elementInstanceKey;
  }

  @Override
  public Connection connection(String name) {
    return connections.resolve(tenantId, name);
  }

  @Override
  public StepExpression expression(String role, String expression) {
    return FeelStepExpression.compile(feel, role, expression);
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
        history.log(stepRunId, "INFO", redaction.apply(message));
      }

      @Override
      public void warn(String message) {
        history.log(stepRunId, "WARN", redaction.apply(message));
      }

      @Override
      public void error(String message) {
        history.log(stepRunId, "ERROR", redaction.apply(message));
      }
    };
  }

  /** Writes progress at most once a second, so a chatty step does not flood the store. */
  @Override
  public void progress(long done, long total) {
    Instant now = clock.instant();
    lastProgress = now;
    Instant previous = lastProgressWrite.get();
    if ((Duration.between(previous, now).compareTo(PROGRESS_WRITE_INTERVAL) >= 0 || done == total)
        && lastProgressWrite.compareAndSet(previous, now)) {
      history.progress(stepRunId, done, total, batches);
    }
  }

  /**
   * Keeps the batches in memory and writes them with the next progress write: reporting a page
   * costs no more than reporting records.
   */
  @Override
  public void progress(long done, long total, Batches batches) {
    this.batches = batches;
    progress(done, total);
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public void account(RecordAccount account) {
    this.account = account;
  }

  /** What the step told the ledger, or null. */
  RecordAccount account() {
    return account;
  }

  /**
   * When the step last said it was alive; the worker extends the job's timeout only for a step that
   * reports.
   */
  Instant lastProgress() {
    return lastProgress;
  }
}
