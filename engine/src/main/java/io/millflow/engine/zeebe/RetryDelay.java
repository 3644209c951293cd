package io.millflow.engine.zeebe;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** How a failed attempt waits before Zeebe hands the job out again. */
sealed interface RetryDelay extends AutoCloseable
    permits RetryDelay.ZeebeBackoff, RetryDelay.HeldByWorker {

  /** Fails the job with {@code retriesLeft}, to be retried after {@code backoff}. */
  void failAfter(
      JobClient client, ActivatedJob job, int retriesLeft, Duration backoff, String message);

  @Override
  default void close() {}

  /** Zeebe's own retry backoff: the job waits in the broker. Used with a real broker or cluster. */
  record ZeebeBackoff() implements RetryDelay {
    @Override
    public void failAfter(
        JobClient client, ActivatedJob job, int retriesLeft, Duration backoff, String message) {
      ZeebeCommandFailed.guard(
          () ->
              client
                  .newFailCommand(job)
                  .retries(retriesLeft)
                  .retryBackoff(backoff)
                  .errorMessage(message)
                  .send()
                  .join());
    }
  }

  /**
   * The worker keeps the job during the backoff and fails it when the wait is over. Used with the
   * in-memory engine, which now and then loses a job in backoff (it rejects its own
   * RECUR_AFTER_BACKOFF with NOT_FOUND and never hands the job out again). If Millflow stops
   * meanwhile, the job times out and is handed out again: nothing is lost.
   */
  final class HeldByWorker implements RetryDelay {
    private static final Logger LOG = Logger.getLogger(HeldByWorker.class);
    private static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("millflow-retry-delay").daemon().factory());
    private final CamundaClient zeebe;

    HeldByWorker(CamundaClient zeebe) {
      this.zeebe = zeebe;
    }

    @Override
    public void failAfter(
        JobClient client, ActivatedJob job, int retriesLeft, Duration backoff, String message) {
      ZeebeCommandFailed.guard(
          () ->
              zeebe
                  .newUpdateTimeoutCommand(job.getKey())
                  .timeout(backoff.plus(TIMEOUT_MARGIN))
                  .send()
                  .join());
      scheduler.schedule(
          () -> {
            try {
              client.newFailCommand(job).retries(retriesLeft).errorMessage(message).send().join();
            } catch (RuntimeException e) {
              LOG.warnf(
                  "Could not fail job %d after its backoff (%s); it is handed out again when its timeout passes",
                  job.getKey(), e.getMessage());
            }
          },
          backoff.toMillis(),
          TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
      scheduler.shutdownNow();
    }
  }
}
