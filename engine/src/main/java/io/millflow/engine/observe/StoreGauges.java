package io.millflow.engine.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The gauges read from the state store: webhook inbox depth and the age of its oldest pending
 * event, connections by status, the dataset store's size and, on the embedded engine, its backlog
 * of open service tasks and due jobs (a Camunda 8 cluster reports its own through its metrics, not
 * to a client). Read at most every {@link #FRESH_FOR}, when metrics are scraped: a scrape costs a
 * few small queries, and no instance polls the database for nobody.
 */
@Singleton
public class StoreGauges {

  static final Duration FRESH_FOR = Duration.ofSeconds(5);
  private static final Logger LOG = Logger.getLogger(StoreGauges.class);

  /** One reading of the store. */
  record Reading(
      Instant at,
      long inboxPending,
      double oldestPendingSeconds,
      long datasetBytes,
      long openTasks,
      long dueJobs,
      List<MultiGauge.Row<?>> connections) {}

  private final Jdbi jdbi;
  private final boolean embeddedEngine;
  private final MillflowMetrics metrics;
  private final MultiGauge connections;
  private final AtomicReference<Reading> last = new AtomicReference<>();

  public StoreGauges(StateStore store, ProcessEngine engine, MillflowMetrics metrics) {
    this.jdbi = store.jdbi();
    this.embeddedEngine = engine.embedded();
    this.metrics = metrics;
    var registry = metrics.registry();
    Gauge.builder("millflow.webhook.inbox.pending", this, g -> g.reading().inboxPending())
        .description("Accepted webhook events not dispatched yet")
        .register(registry);
    Gauge.builder(
            "millflow.webhook.inbox.oldest.pending", this, g -> g.reading().oldestPendingSeconds())
        .description("Age of the oldest webhook event not dispatched yet")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("millflow.dataset.store", this, g -> g.reading().datasetBytes())
        .description("Size of the dataset store (records between steps) on disk")
        .baseUnit("bytes")
        .register(registry);
    if (embeddedEngine) {
      Gauge.builder("millflow.engine.backlog", this, g -> g.reading().openTasks())
          .tags("kind", "service_task")
          .description("Embedded engine: open service tasks (waiting or being worked on)")
          .register(registry);
      Gauge.builder("millflow.engine.backlog", this, g -> g.reading().dueJobs())
          .tags("kind", "job")
          .description("Embedded engine: jobs due (timers, continuations)")
          .register(registry);
    }
    this.connections =
        MultiGauge.builder("millflow.connections")
            .description("Connections by their last checked status (1 per connection)")
            .register(registry);
  }

  /**
   * Reads the store again when the last reading is older than {@link #FRESH_FOR}; called before
   * each scrape.
   */
  public void refresh() {
    Reading previous = last.get();
    if (previous != null && previous.at().plus(FRESH_FOR).isAfter(Instant.now())) {
      return;
    }
    try {
      Reading reading = jdbi.withHandle(this::read);
      connections.register(reading.connections(), true);
      last.set(reading);
    } catch (RuntimeException e) {
      // The gauges keep their last values; readiness says the store is down.
      LOG.debugf("Reading the store's gauges failed: %s", e.getMessage());
    }
  }

  private Reading reading() {
    Reading reading = last.get();
    return reading != null ? reading : new Reading(Instant.EPOCH, 0, 0, 0, 0, 0, List.of());
  }

  private Reading read(Handle h) {
    var inbox =
        h.createQuery(
                """
            select count(*) as pending, coalesce(extract(epoch from now() - min(received_at)), 0) as oldest
            from webhook_inbox where status = 'pending'""")
            .map((rs, ctx) -> new double[] {rs.getLong("pending"), rs.getDouble("oldest")})
            .one();
    long datasetBytes =
        h.createQuery(
                "select pg_total_relation_size('dataset_chunk') + pg_total_relation_size('dataset')")
            .mapTo(Long.class)
            .one();
    long openTasks =
        embeddedEngine
            ? h.createQuery("select count(*) from act_ru_ext_task").mapTo(Long.class).one()
            : 0;
    long dueJobs =
        embeddedEngine
            ? h.createQuery(
                    "select count(*) from act_ru_job where duedate_ is null or duedate_ <= now()")
                .mapTo(Long.class)
                .one()
            : 0;
    List<MultiGauge.Row<?>> rows = new java.util.ArrayList<>();
    h.createQuery(
            metrics.tenantLabel()
                ? "select tenant_id, name, status, 1 as n from connection_status"
                : "select null as tenant_id, name, status, count(*) as n from connection_status group by name, status")
        .map(
            (rs, ctx) ->
                (MultiGauge.Row<?>)
                    MultiGauge.Row.of(
                        metrics.tags(
                            rs.getString("tenant_id"),
                            Tags.of(
                                "connection",
                                rs.getString("name"),
                                "status",
                                rs.getString("status"))),
                        rs.getLong("n")))
        .forEach(rows::add);
    return new Reading(
        Instant.now(), (long) inbox[0], inbox[1], datasetBytes, openTasks, dueJobs, rows);
  }
}
