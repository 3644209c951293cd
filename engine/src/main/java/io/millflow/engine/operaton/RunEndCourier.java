package io.millflow.engine.operaton;

import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.RunEndHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands the ends recorded in {@code operaton_run_end} to Millflow's {@link RunEndHandler}: at once
 * when this engine committed one, and on every sweep for those left over (the handler handed back
 * or failed, this or another Millflow instance died before handing over, the ends of the time no
 * worker was open). A row is claimed for a while before it is handed over, so two instances on one
 * database do not hand over the same end; it is deleted once recorded.
 */
final class RunEndCourier implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RunEndCourier.class);
  private static final Duration CLAIM = Duration.ofMinutes(5);
  private static final Duration RETRY = Duration.ofSeconds(5);
  private static final int BATCH = 50;

  private record RunEnd(String instanceId, String processId) {}

  private final Jdbi jdbi;
  private final String workerName;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile RunEndHandler handler;

  RunEndCourier(Jdbi jdbi, String workerName, ScheduledExecutorService scheduler) {
    this.jdbi = jdbi;
    this.workerName = workerName;
    this.scheduler = scheduler;
  }

  /**
   * Starts handing ends over, now (the ends recorded while no one could take them) and every {@code
   * sweep}.
   */
  void open(RunEndHandler handler, Duration sweep) {
    this.handler = handler;
    scheduler.scheduleWithFixedDelay(this::wake, 0, sweep.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * An end was committed (or the sweep is due): hand over what is due, soon, on the courier's
   * thread.
   */
  void wake() {
    if (handler != null && queued.compareAndSet(false, true)) {
      scheduler.execute(this::deliverDue);
    }
  }

  private void deliverDue() {
    queued.set(false);
    try {
      List<RunEnd> claimed;
      do {
        claimed = claim();
        List<String> recorded = new java.util.ArrayList<>();
        for (RunEnd end : claimed) {
          if (deliver(end)) {
            recorded.add(end.instanceId());
          }
        }
        delete(recorded);
      } while (claimed.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.warnf("Run ends could not be read, trying again later: %s", e.getMessage());
    }
  }

  private List<RunEnd> claim() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            update operaton_run_end set claimed_by = :worker, claimed_until = now() + cast(:claim as interval)
            where instance_id in (
              select instance_id from operaton_run_end
              where claimed_until is null or claimed_until < now()
              order by ended_at limit :batch for update skip locked)
            returning instance_id, process_id""")
                .bind("worker", workerName)
                .bind("claim", CLAIM.toSeconds() + " seconds")
                .bind("batch", BATCH)
                .map(
                    (rs, ctx) ->
                        new RunEnd(rs.getString("instance_id"), rs.getString("process_id")))
                .list());
  }

  /** Hands one end over; true when recorded, else it is released to be tried again later. */
  private boolean deliver(RunEnd end) {
    Duration retryAfter;
    try {
      AttemptOutcome outcome = handler.runEnded(end.processId(), end.instanceId());
      if (outcome instanceof AttemptOutcome.Completed) {
        return true;
      }
      retryAfter = outcome instanceof AttemptOutcome.HandBack handBack ? handBack.after() : RETRY;
    } catch (RuntimeException e) {
      LOG.warnf(
          e,
          "Recording the end of run %s (%s) failed; trying again in %d s",
          end.instanceId(),
          end.processId(),
          RETRY.toSeconds());
      retryAfter = RETRY;
    }
    Duration wait = retryAfter;
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            update operaton_run_end set claimed_by = null, claimed_until = now() + cast(:wait as interval)
            where instance_id = :id""")
                .bind("wait", wait.toMillis() + " milliseconds")
                .bind("id", end.instanceId())
                .execute());
    return false;
  }

  private void delete(List<String> recorded) {
    if (!recorded.isEmpty()) {
      jdbi.useHandle(
          h ->
              h.createUpdate("delete from operaton_run_end where instance_id = any(:ids)")
                  .bind("ids", recorded.toArray(String[]::new))
                  .execute());
    }
  }

  @Override
  public void close() {
    handler = null;
  }
}
