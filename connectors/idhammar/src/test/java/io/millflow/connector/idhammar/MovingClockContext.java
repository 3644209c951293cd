package io.millflow.connector.idhammar;

import io.millflow.step.Connection;
import io.millflow.step.DatasetStore;
import io.millflow.step.StepContext;
import io.millflow.step.StepLog;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import java.time.Clock;
import java.time.Duration;

/**
 * A step context whose clock (the sandbox's too) moves on each progress report: the data changes
 * during a read.
 */
final class MovingClockContext implements StepContext {

  private final TestStepContext context;
  private final MutableClock clock;
  private final Duration step;

  MovingClockContext(TestStepContext context, MutableClock clock, Duration step) {
    this.context = context;
    this.clock = clock;
    this.step = step;
  }

  @Override
  public String tenantId() {
    return context.tenantId();
  }

  @Override
  public String runId() {
    return context.runId();
  }

  @Override
  public Connection connection(String name) {
    return context.connection(name);
  }

  @Override
  public String taskKey() {
    return context.taskKey();
  }

  @Override
  public DatasetStore datasets() {
    return context.datasets();
  }

  @Override
  public StepLog log() {
    return context.log();
  }

  @Override
  public void progress(long done, long total) {
    context.progress(done, total);
    clock.advance(step);
  }

  @Override
  public Clock clock() {
    return clock;
  }
}
