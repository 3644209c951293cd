package io.millflow.engine.history;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.lifecycle.GracefulStop;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes the run history past its retention ({@code millflow.history.retention}), on a schedule
 * and in batches: runs that ended (completed, failed, cancelled) longer ago, with their step
 * attempts, log lines, staged cursors and datasets, and the engine's history of their instances;
 * and outbound events delivered as long ago, with their delivery log. A run still running or at an
 * incident is never deleted, however old. Several Millflow instances may sweep at once: the
 * engine's history goes first and every delete skips what is gone, so a run deleted twice, or
 * half-deleted by a crash, is harmless and finished by the next sweep.
 */
@Singleton
public class HistoryRetention {

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(HistoryRetention.class);
  private static final List<String> ENDED =
      List.of(
          RunStatus.COMPLETED.stored(), RunStatus.FAILED.stored(), RunStatus.CANCELLED.stored());

  private record EndedRun(UUID id, String engineId, String instanceKey) {}

  /** What one sweep deleted. */
  public record Swept(int runs, int events) {}

  private final Jdbi jdbi;
  private final ProcessEngine engine;
  private final Duration retention;
  private final Duration interval;
  private final int batch;
  private ScheduledExecutorService scheduler;

  @Inject
  public HistoryRetention(StateStore store, ProcessEngine engine, MillflowConfig config) {
    this(
        store.jdbi(),
        engine,
        config.history().retention(),
        config.history().cleanupInterval(),
        config.history().cleanupBatch());
  }

  public HistoryRetention(
      Jdbi jdbi, ProcessEngine engine, Duration retention, Duration interval, int batch) {
    this.jdbi = jdbi;
    this.engine = engine;
    this.retention = retention;
    this.interval = interval;
    this.batch = batch;
  }

  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("millflow-history-retention").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::sweepSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Deletes what is past the retention as of {@code now}. */
  public Swept sweep(Instant now) {
    Instant cutoff = now.minus(retention);
    int runs = 0;
    List<EndedRun> ended;
    do {
      ended = endedBefore(cutoff);
      engine.forgetEnded(
          ended.stream()
              .filter(run -> run.engineId().equals(engine.engineId()))
              .map(EndedRun::instanceKey)
              .toList());
      runs += delete(ended, cutoff);
    } while (ended.size() == batch);
    return new Swept(runs, deleteDeliveredEvents(cutoff));
  }

  private List<EndedRun> endedBefore(Instant cutoff) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select id, engine_id, process_instance_key from flow_run
            where ended_at < :cutoff and status in (<ended>) order by ended_at limit :batch""")
                .bind("cutoff", cutoff)
                .bindList("ended", ENDED)
                .bind("batch", batch)
                .map(
                    (rs, ctx) ->
                        new EndedRun(
                            rs.getObject("id", UUID.class),
                            rs.getString("engine_id"),
                            rs.getString("process_instance_key")))
                .list());
  }

  /**
   * The runs and their datasets, in one transaction; the runs' attempts, log lines and staged
   * cursors cascade.
   */
  private int delete(List<EndedRun> runs, Instant cutoff) {
    if (runs.isEmpty()) {
      return 0;
    }
    UUID[] ids = runs.stream().map(EndedRun::id).toArray(UUID[]::new);
    return jdbi.inTransaction(
        h -> {
          h.createUpdate("delete from dataset where run_id = any(:ids)").bind("ids", ids).execute();
          return h.createUpdate(
                  "delete from flow_run where id = any(:ids) and ended_at < :cutoff and status in (<ended>)")
              .bind("ids", ids)
              .bind("cutoff", cutoff)
              .bindList("ended", ENDED)
              .execute();
        });
  }

  private int deleteDeliveredEvents(Instant cutoff) {
    int deleted = 0;
    int round;
    do {
      round =
          jdbi.withHandle(
              h ->
                  h.createUpdate(
                          """
              delete from event_outbox where id in (
                select id from event_outbox where status = 'delivered' and delivered_at < :cutoff limit :batch)""")
                      .bind("cutoff", cutoff)
                      .bind("batch", batch)
                      .execute());
      deleted += round;
    } while (round == batch);
    return deleted;
  }

  private void sweepSafely() {
    try {
      Swept swept = sweep(Instant.now());
      if (swept.runs() > 0 || swept.events() > 0) {
        LOG.infof(
            "History retention: deleted %d runs and %d delivered events that ended more than %s ago",
            swept.runs(), swept.events(), retention);
      }
    } catch (RuntimeException e) {
      LOG.warnf(
          "History retention sweep failed; it is tried again in %s: %s", interval, e.getMessage());
    }
  }

  /** Stops polling; a poll under way may finish (a clean stop waits for it). */
  @PreDestroy
  public void stop() {
    GracefulStop.stop(scheduler, STOP_GRACE);
  }
}
