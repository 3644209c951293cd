package io.millflow.engine.run;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A task that came while Millflow's own database was unreachable, so its attempt could not even be
 * recorded. That is no fault of the step and must not cost one of its retries (a failed task with
 * no backoff would burn them all within the outage and stop the run at an incident): the task is
 * handed back instead, to be handed out again shortly, to this instance or another.
 */
final class StoreUnavailable {

  static final Duration HAND_OUT_AGAIN_AFTER = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(StoreUnavailable.class);

  private StoreUnavailable() {}

  static AttemptOutcome handBack(ActivatedTask task, RuntimeException cause) {
    LOG.warnf(
        "The state store is unreachable (%s); task %s (%s) is handed out again in %d s, its retries untouched",
        cause.getMessage(), task.key(), task.type(), HAND_OUT_AGAIN_AFTER.toSeconds());
    return new AttemptOutcome.HandBack(HAND_OUT_AGAIN_AFTER);
  }

  static AttemptOutcome handBack(String what, RuntimeException cause) {
    LOG.warnf(
        "The state store is unreachable (%s); %s is told again in %d s",
        cause.getMessage(), what, HAND_OUT_AGAIN_AFTER.toSeconds());
    return new AttemptOutcome.HandBack(HAND_OUT_AGAIN_AFTER);
  }
}
