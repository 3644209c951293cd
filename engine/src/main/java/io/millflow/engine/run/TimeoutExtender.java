package io.millflow.engine.run;

import io.millflow.engine.port.TaskLease;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps a long step's task from being handed to another worker while the step still reports
 * progress. A step that goes silent keeps only the lock it was given, so a hung step is still
 * handed to another worker. An attempt that ends leaves nothing behind: a cancelled watch is
 * removed from the scheduler at once (left in its queue, each one held its attempt's context until
 * its first check was due, a third of the lock later: some 100,000 attempts' worth at 100 steps a
 * second).
 */
final class TimeoutExtender implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TimeoutExtender.class);

  private final ScheduledThreadPoolExecutor scheduler = scheduler();

  private static ScheduledThreadPoolExecutor scheduler() {
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("millflow-task-leases").daemon().factory());
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  Watch watch(TaskLease lease, Duration lockDuration, JobStepContext context) {
    long periodMillis = Math.max(lockDuration.toMillis() / 3, 1_000);
    Instant[] lastExtension = {Instant.now()};
    ScheduledFuture<?> task =
        scheduler.scheduleAtFixedRate(
            () -> {
              if (context.lastProgress().isAfter(lastExtension[0])) {
                lastExtension[0] = Instant.now();
                try {
                  lease.extend(lockDuration);
                } catch (RuntimeException e) {
                  LOG.warnf(
                      "Could not extend the lock of task %s: %s",
                      context.taskKey(), e.getMessage());
                }
              }
            },
            periodMillis,
            periodMillis,
            TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  /** Attempts watched now. */
  int watching() {
    return scheduler.getQueue().size();
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
