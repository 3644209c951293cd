package io.millflow.engine.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps a long step's job from timing out while the step still reports progress. A step that goes silent keeps only
 * the timeout it declared, so a hung step is still handed to another worker.
 */
final class TimeoutExtender implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TimeoutExtender.class);

  private final CamundaClient client;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("millflow-job-timeouts").daemon().factory());

  TimeoutExtender(CamundaClient client) {
    this.client = client;
  }

  Watch watch(ActivatedJob job, Duration timeout, JobStepContext context) {
    long periodMillis = Math.max(timeout.toMillis() / 3, 1_000);
    Instant[] lastExtension = {Instant.now()};
    ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> {
      if (context.lastProgress().isAfter(lastExtension[0])) {
        lastExtension[0] = Instant.now();
        try {
          client.newUpdateTimeoutCommand(job.getKey()).timeout(timeout).send().join();
        } catch (RuntimeException e) {
          LOG.warnf("Could not extend the timeout of job %d: %s", job.getKey(), e.getMessage());
        }
      }
    }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  /** Sets the job's timeout to {@code timeout} from now: Zeebe hands it out again when that passes. */
  void reset(ActivatedJob job, Duration timeout) {
    client.newUpdateTimeoutCommand(job.getKey()).timeout(timeout).send().join();
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  /** Stops watching one job when its attempt ends. */
  interface Watch extends AutoCloseable {
    @Override
    void close();
  }
}
