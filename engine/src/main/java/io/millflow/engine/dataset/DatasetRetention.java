package io.millflow.engine.dataset;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.lifecycle.GracefulStop;
import io.millflow.engine.store.StateStore;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Deletes datasets once their run has been finished for longer than the retention, and datasets
 * that were abandoned mid-write. Datasets of running or failed-and-retryable runs are kept, so a
 * retry still finds its input.
 */
@Singleton
public class DatasetRetention {

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(DatasetRetention.class);

  private final Jdbi jdbi;
  private final Duration retention;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  @Inject
  public DatasetRetention(StateStore store, MillflowConfig config) {
    this(store.jdbi(), config.datasets().retention(), config.datasets().cleanupInterval());
  }

  DatasetRetention(Jdbi jdbi, Duration retention, Duration interval) {
    this.jdbi = jdbi;
    this.retention = retention;
    this.interval = interval;
  }

  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("millflow-dataset-retention").daemon().factory());
    scheduler.scheduleWithFixedDelay(
        this::cleanUpSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Removes what has expired as of {@code now}; returns how many datasets were deleted. */
  public int cleanUp(Instant now) {
    Instant cutoff = now.minus(retention);
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
            delete from dataset d
            where (d.run_id is null and d.created_at < :cutoff)
               or (d.status = 'writing' and d.created_at < :cutoff)
               or exists (select 1 from flow_run r where r.id = d.run_id and r.ended_at < :cutoff)""")
                .bind("cutoff", cutoff)
                .execute());
  }

  private void cleanUpSafely() {
    try {
      int deleted = cleanUp(Instant.now());
      if (deleted > 0) {
        LOG.infof("Dataset retention: deleted %d datasets older than %s", deleted, retention);
      }
    } catch (RuntimeException e) {
      LOG.warn("Dataset retention run failed; it will be tried again", e);
    }
  }

  /** Stops polling; a poll under way may finish (a clean stop waits for it). */
  @PreDestroy
  public void stop() {
    GracefulStop.stop(scheduler, STOP_GRACE);
  }
}
