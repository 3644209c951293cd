package io.millflow.engine.run;

import io.millflow.engine.port.TaskLease;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps a long step's task from being handed to another worker while the step still reports progress. A step that goes
 * silent keeps only the lock it was given, so a hung step is still handed to another worker.
 */
final class TimeoutExtender implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TimeoutExtender.class);

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("millflow-task-leases").daemon().factory());

  Watch watch(TaskLease lease, Duration lockDuration, JobStepContext context) {
    long periodMillis = Math.max(lockDuration.toMillis() / 3, 1_000);
    Instant[] lastExtension = {Instant.now()};
    ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> {
      if (context.lastProgress().isAfter(lastExtension[0])) {
        lastExtension[0] = Instant.now();
        try {
          lease.extend(lockDuration);
        } catch (RuntimeException e) {
          LOG.warnf("Could not extend the lock of task %s: %s", context.taskKey(), e.getMessage());
        }
      }
    }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** Stops watching one task when its attempt ends. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
