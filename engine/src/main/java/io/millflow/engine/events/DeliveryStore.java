package io.millflow.engine.events;

import io.millflow.engine.security.SealedSecrets;
import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The outbox as delivery sees it: which subscriptions have events due, claiming a subscription's
 * due events (leased, so a restart loses nothing), and recording attempts: a batch of them in one
 * transaction, and should that fail, each attempt on its own, so one bad row never fails the
 * others. A subscription whose delivery fails backs off alone.
 */
@Singleton
class DeliveryStore {

  static final int MAX_ATTEMPTS = 15;
  private static final Logger LOG = Logger.getLogger(DeliveryStore.class);
  private static final String LEASE = "60 seconds";

  private final Jdbi jdbi;
  private final SealedSecrets secrets;

  DeliveryStore(StateStore store, SealedSecrets secrets) {
    this.jdbi = store.jdbi();
    this.secrets = secrets;
  }

  /**
   * Subscriptions with events due and not backing off, but for {@code skipped} (already being
   * delivered).
   */
  List<DeliveryTarget> ready(Set<UUID> skipped, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select s.id, s.tenant_id, s.url, s.secret, s.consecutive_failures from event_subscription s
            where (s.retry_at is null or s.retry_at <= now()) and s.id <> all(cast(:skipped as uuid[]))
              and exists (select 1 from event_outbox o
                          where o.subscription_id = s.id and o.status = 'pending' and o.next_attempt_at <= now())
            limit :limit""")
                .bindArray("skipped", UUID.class, skipped)
                .bind("limit", limit)
                .map((rs, ctx) -> target(rs))
                .list());
  }

  private DeliveryTarget target(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String tenant = rs.getString("tenant_id");
    String secret;
    try {
      secret = secrets.open(tenant, SealedSecrets.subscriptionSecret(id), rs.getString("secret"));
    } catch (RuntimeException e) {
      LOG.warnf(
          "The secret of subscription %s cannot be opened (%s); it backs off, the others go on",
          id, e.getClass().getSimpleName());
      secret = null;
    }
    return new DeliveryTarget(
        id, tenant, rs.getString("url"), secret, rs.getInt("consecutive_failures"));
  }

  /**
   * Up to {@code limit} of the subscription's due events, oldest first, unless it is backing off.
   */
  List<DueEvent> claim(UUID subscription, int limit) {
    return jdbi.inTransaction(
        h ->
            h.createQuery(
                    """
            update event_outbox o set attempts = o.attempts + 1, next_attempt_at = now() + cast(:lease as interval)
            where o.id in (
              select e.id from event_outbox e join event_subscription s on s.id = e.subscription_id
              where e.subscription_id = :subscription and e.status = 'pending' and e.next_attempt_at <= now()
                and (s.retry_at is null or s.retry_at <= now())
              order by e.created_at limit :limit for update of e skip locked)
            returning o.id, o.type, o.payload::text as payload, o.attempts, o.trace_parent""")
                .bind("lease", LEASE)
                .bind("subscription", subscription)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new DueEvent(
                            rs.getObject("id", UUID.class),
                            rs.getString("type"),
                            rs.getString("payload"),
                            rs.getInt("attempts"),
                            rs.getString("trace_parent")))
                .list());
  }

  /**
   * Logs the attempts and settles their events: delivered, or due again after a backoff (dead after
   * {@link #MAX_ATTEMPTS}). Any failure backs the subscription off (1 s, doubling up to 5 min); a
   * round without one ends a backoff.
   */
  void record(DeliveryTarget target, List<Attempt> attempts) {
    if (attempts.isEmpty()) {
      return;
    }
    boolean failed = attempts.stream().anyMatch(attempt -> !attempt.delivered());
    try {
      jdbi.useTransaction(
          h -> {
            write(h, attempts);
            subscriptionState(h, target.id(), failed);
          });
    } catch (RuntimeException batchFailure) {
      LOG.warnf(
          "Recording %d deliveries to subscription %s failed as a batch (%s); recording them one by one",
          attempts.size(), target.id(), batchFailure.getMessage());
      attempts.forEach(attempt -> recordAlone(target, attempt));
    }
  }

  private void recordAlone(DeliveryTarget target, Attempt attempt) {
    try {
      jdbi.useTransaction(
          h -> {
            write(h, List.of(attempt));
            subscriptionState(h, target.id(), !attempt.delivered());
          });
    } catch (RuntimeException e) {
      // Left claimed: its lease runs out and it is delivered again.
      LOG.errorf(
          e,
          "The delivery of event %s could not be recorded; it is delivered again after its lease",
          attempt.eventId());
    }
  }

  private static void write(Handle h, List<Attempt> attempts) {
    UUID[] ids = attempts.stream().map(Attempt::eventId).toArray(UUID[]::new);
    String[] errors =
        attempts.stream().map(a -> ErrorText.storable(a.error())).toArray(String[]::new);
    h.createUpdate(
            """
            insert into event_delivery_log (event_id, attempt, status_code, error, duration_ms)
            select v.id, v.attempt, v.status, v.error, v.millis
            from unnest(cast(:ids as uuid[]), cast(:attempts as int[]), cast(:statuses as int[]), cast(:errors as text[]),
                        cast(:millis as bigint[])) as v(id, attempt, status, error, millis)
            where exists (select 1 from event_outbox o where o.id = v.id)""")
        .bindArray("ids", UUID.class, (Object[]) ids)
        .bindArray(
            "attempts",
            Integer.class,
            attempts.stream().map(Attempt::attempt).toArray(Integer[]::new))
        .bindArray(
            "statuses",
            Integer.class,
            attempts.stream().map(Attempt::status).toArray(Integer[]::new))
        .bindArray("errors", String.class, (Object[]) errors)
        .bindArray(
            "millis", Long.class, attempts.stream().map(Attempt::millis).toArray(Long[]::new))
        .execute();
    h.createUpdate(
            """
            update event_outbox o set
              status = case when v.error is null then 'delivered' when o.attempts >= :max then 'dead' else 'pending' end,
              delivered_at = case when v.error is null then now() end,
              last_error = v.error,
              next_attempt_at = case when v.error is null then o.next_attempt_at
                else now() + make_interval(secs => least(3600, power(2, least(o.attempts - 1, 12)))) end
            from unnest(cast(:ids as uuid[]), cast(:errors as text[])) as v(id, error)
            where o.id = v.id""")
        .bindArray("ids", UUID.class, (Object[]) ids)
        .bindArray("errors", String.class, (Object[]) errors)
        .bind("max", MAX_ATTEMPTS)
        .execute();
  }

  private static void subscriptionState(Handle h, UUID subscription, boolean failed) {
    h.createUpdate(
            failed
                ? """
            update event_subscription set consecutive_failures = consecutive_failures + 1,
              retry_at = now() + make_interval(secs => least(300, power(2, least(consecutive_failures, 9))))
            where id = :id"""
                : """
            update event_subscription set consecutive_failures = 0, retry_at = null
            where id = :id and consecutive_failures > 0""")
        .bind("id", subscription)
        .execute();
  }

  /**
   * Backs a subscription off that cannot be delivered to at all (its secret cannot be opened, say).
   */
  void backOff(UUID subscription) {
    jdbi.useTransaction(h -> subscriptionState(h, subscription, true));
  }

  /** A subscription's recent events, newest first, each with every attempt to deliver it. */
  List<Delivery> deliveries(UUID subscription, int limit) {
    return jdbi.withHandle(
        h -> {
          List<Delivery> events =
              h.createQuery(
                      """
              select o.id, o.type, o.status, o.attempts, o.last_error, o.created_at, o.delivered_at
              from event_outbox o where o.subscription_id = :subscription
              order by o.created_at desc limit :limit""")
                  .bind("subscription", subscription)
                  .bind("limit", limit)
                  .map(
                      (rs, ctx) ->
                          new Delivery(
                              rs.getObject("id", UUID.class),
                              rs.getString("type"),
                              rs.getString("status"),
                              rs.getInt("attempts"),
                              rs.getString("last_error"),
                              instant(rs, "created_at"),
                              instant(rs, "delivered_at"),
                              List.of()))
                  .list();
          Map<UUID, List<Delivery.Try>> tries = tries(h, events);
          return events.stream()
              .map(e -> e.withHistory(tries.getOrDefault(e.eventId(), List.of())))
              .toList();
        });
  }

  /** Every attempt to deliver each of these events, in order, by event. */
  private static Map<UUID, List<Delivery.Try>> tries(Handle h, List<Delivery> events) {
    UUID[] ids = events.stream().map(Delivery::eventId).toArray(UUID[]::new);
    return h
        .createQuery(
            """
            select event_id, attempt, at, status_code, error, duration_ms from event_delivery_log
            where event_id = any(cast(:ids as uuid[])) order by attempt, id""")
        .bindArray("ids", UUID.class, (Object[]) ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getObject("event_id", UUID.class),
                    new Delivery.Try(
                        rs.getInt("attempt"),
                        instant(rs, "at"),
                        rs.getObject("status_code", Integer.class),
                        rs.getString("error"),
                        rs.getLong("duration_ms"))))
        .stream()
        .collect(
            Collectors.groupingBy(
                Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp at = rs.getTimestamp(column);
    return at == null ? null : at.toInstant();
  }
}
