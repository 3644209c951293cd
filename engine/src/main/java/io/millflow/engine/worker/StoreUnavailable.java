package io.millflow.engine.worker;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A job that came while Millflow's own database was unreachable, so its attempt could not even be recorded. That is no
 * fault of the step and must not cost one of its retries (a failed job with no backoff would burn them all within the
 * outage and stop the run at an incident): the job is given a short timeout instead, after which Zeebe hands it out
 * again, to this instance or another.
 */
final class StoreUnavailable {

  static final Duration HAND_OUT_AGAIN_AFTER = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(StoreUnavailable.class);

  private StoreUnavailable() {}

  static void handBack(TimeoutExtender timeouts, ActivatedJob job, RuntimeException cause) {
    LOG.warnf("The state store is unreachable (%s); job %d (%s) is handed out again in %d s, its retries untouched",
        cause.getMessage(), job.getKey(), job.getType(), HAND_OUT_AGAIN_AFTER.toSeconds());
    try {
      timeouts.reset(job, HAND_OUT_AGAIN_AFTER);
    } catch (RuntimeException e) {
      LOG.warnf("Could not shorten the timeout of job %d (%s); it is handed out again when its timeout passes",
          job.getKey(), e.getMessage());
    }
  }
}
