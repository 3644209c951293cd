package io.millflow.engine.events;

import io.millflow.engine.security.SealedSecrets;
import io.millflow.engine.store.StateStore;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Delivers the outbox: each event POSTed to its subscriber, signed with the timestamped scheme
 * ({@code X-Millflow-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}), 10 s per attempt, retried with
 * exponential backoff until a 2xx, every attempt logged. Rows are leased, so a restart loses nothing.
 */
@Singleton
public class EventDelivery {

  static final String SIGNATURE_HEADER = "X-Millflow-Signature";
  static final int MAX_ATTEMPTS = 15;
  private static final Logger LOG = Logger.getLogger(EventDelivery.class);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
  private static final SignatureScheme SCHEME = new SignatureScheme.Timestamped(SIGNATURE_HEADER, 300);

  private record Due(UUID id, String type, String payload, int attempts, String url, String secret) {}

  private final Jdbi jdbi;
  private final SealedSecrets secrets;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT_TIMEOUT).build();
  private ScheduledExecutorService scheduler;

  private final io.millflow.engine.net.OutboundAddresses addresses;

  public EventDelivery(StateStore store, SealedSecrets secrets, io.millflow.engine.net.OutboundAddresses addresses) {
    this.jdbi = store.jdbi();
    this.secrets = secrets;
    this.addresses = addresses;
  }

  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("millflow-event-delivery").daemon().factory());
    scheduler.scheduleWithFixedDelay(this::deliverDueSafely, 500, 500, TimeUnit.MILLISECONDS);
  }

  /** Delivers what is due now; returns how many deliveries were attempted. */
  public int deliverDue() {
    List<Due> due = claim();
    due.forEach(this::deliver);
    return due.size();
  }

  private List<Due> claim() {
    return jdbi.inTransaction(h -> h.createQuery("""
            update event_outbox o set attempts = o.attempts + 1, next_attempt_at = now() + interval '60 seconds'
            from event_subscription s
            where s.id = o.subscription_id and o.id in (
              select id from event_outbox where status = 'pending' and next_attempt_at <= now()
              order by created_at limit 20 for update skip locked)
            returning o.id, o.type, o.payload::text as payload, o.attempts, s.url, s.secret, s.id as subscription,
              s.tenant_id""")
        .map((rs, ctx) -> new Due(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("payload"),
            rs.getInt("attempts"), rs.getString("url"), secrets.open(rs.getString("tenant_id"),
                SealedSecrets.subscriptionSecret(rs.getObject("subscription", UUID.class)), rs.getString("secret"))))
        .list());
  }

  private void deliver(Due event) {
    byte[] body = event.payload().getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    Integer status = null;
    String error = addresses.refusal("url", event.url()).orElse(null);
    if (error != null) {
      record(event, null, error, 0);
      return;
    }
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(event.url())).timeout(ATTEMPT_TIMEOUT)
          .header("Content-Type", "application/json").header("X-Millflow-Event-Id", event.id().toString())
          .header("X-Millflow-Event-Type", event.type())
          .header(SIGNATURE_HEADER, SignatureVerifier.sign(SCHEME, event.secret(), body, Instant.now()))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      error = status / 100 == 2 ? null : "The subscriber answered " + status;
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    record(event, status, error, (System.nanoTime() - started) / 1_000_000);
  }

  private void record(Due event, Integer status, String error, long millis) {
    jdbi.useTransaction(h -> {
      h.createUpdate("""
              insert into event_delivery_log (event_id, attempt, status_code, error, duration_ms)
              values (:id, :attempt, :status, :error, :millis)""")
          .bind("id", event.id()).bind("attempt", event.attempts()).bind("status", status).bind("error", error)
          .bind("millis", millis).execute();
      if (error == null) {
        h.createUpdate("update event_outbox set status = 'delivered', delivered_at = now(), last_error = null where id = :id")
            .bind("id", event.id()).execute();
      } else {
        long backoff = Math.min(3600, 1L << Math.min(event.attempts() - 1, 12));
        h.createUpdate("""
                update event_outbox set status = :status, last_error = :error,
                  next_attempt_at = now() + cast(:backoff as interval) where id = :id""")
            .bind("status", event.attempts() >= MAX_ATTEMPTS ? "dead" : "pending").bind("error", error)
            .bind("backoff", backoff + " seconds").bind("id", event.id()).execute();
      }
    });
  }

  /** The delivery attempts of a subscription's recent events, newest first. */
  public List<java.util.Map<String, Object>> deliveries(UUID subscription, int limit) {
    return jdbi.withHandle(h -> h.createQuery("""
            select o.id as event_id, o.type, o.status, o.attempts, o.last_error, o.created_at, o.delivered_at
            from event_outbox o where o.subscription_id = :subscription order by o.created_at desc limit :limit""")
        .bind("subscription", subscription).bind("limit", limit).mapToMap().list());
  }

  private void deliverDueSafely() {
    try {
      while (deliverDue() > 0) {
        // drain the backlog
      }
    } catch (RuntimeException e) {
      LOG.warn("Event delivery failed; it runs again shortly", e);
    }
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
