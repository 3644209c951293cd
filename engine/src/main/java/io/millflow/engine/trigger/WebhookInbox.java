package io.millflow.engine.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The durable inbox of webhook requests. A request is answered 200 only after its row is committed
 * here; dispatch takes rows with a lease, so an instance that dies mid-dispatch leaves the row to
 * be taken again when the lease ends.
 */
@Singleton
public class WebhookInbox {

  static final Duration LEASE = Duration.ofSeconds(60);
  static final int MAX_ATTEMPTS = 10;

  /** Batches committing at once: one fills while the other commits. */
  private static final int WRITERS = 2;

  private static final int BATCH_ATTEMPTS = 3;

  private final Jdbi jdbi;
  private final InboxWriter writer;

  public WebhookInbox(StateStore store) {
    this.jdbi = store.jdbi();
    this.writer = new InboxWriter(this::insertBatch, WRITERS);
  }

  /**
   * Stores a verified request, committed when this returns; concurrent requests share a
   * transaction.
   *
   * @return true when stored, false when the trigger already holds an event with that id (a
   *     duplicate)
   * @throws IllegalStateException when it cannot be stored
   */
  public boolean accept(
      String triggerId,
      String eventId,
      Map<String, String> headers,
      Map<String, String> query,
      byte[] body,
      Map<String, String> receivedHeaders) {
    return writer.write(
        new InboxRow(
            UUID.randomUUID(),
            triggerId,
            eventId,
            json(headers),
            json(query),
            body,
            json(receivedHeaders)));
  }

  /**
   * One transaction for the whole batch; a repeated event id (even within the batch) is skipped,
   * not an error. Rows go in key order, so two batches committing at once take their index locks in
   * the same order and cannot deadlock; should PostgreSQL still report one (or a serialization
   * failure), the batch is tried again.
   */
  private Set<UUID> insertBatch(List<InboxRow> rows) {
    List<InboxRow> ordered =
        rows.stream()
            .sorted(Comparator.comparing(InboxRow::triggerId).thenComparing(InboxRow::eventId))
            .toList();
    for (int attempt = 1; ; attempt++) {
      try {
        return insertOrdered(ordered);
      } catch (RuntimeException e) {
        if (attempt >= BATCH_ATTEMPTS || !isTransient(e)) {
          throw e;
        }
      }
    }
  }

  private Set<UUID> insertOrdered(List<InboxRow> rows) {
    return jdbi.inTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  """
          insert into webhook_inbox (id, trigger_id, event_id, headers, query, body, status, received_headers)
          values (:id, :trigger, :event, cast(:headers as jsonb), cast(:query as jsonb), :body, 'pending',
                  cast(:received as jsonb))
          on conflict (trigger_id, event_id) do nothing""");
          for (InboxRow row : rows) {
            batch
                .bind("id", row.id())
                .bind("trigger", row.triggerId())
                .bind("event", row.eventId())
                .bind("headers", row.headersJson())
                .bind("query", row.queryJson())
                .bind("body", row.body())
                .bind("received", row.receivedHeadersJson())
                .add();
          }
          int[] counts = batch.execute();
          Set<UUID> stored = new HashSet<>();
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
              stored.add(rows.get(i).id());
            }
          }
          return stored;
        });
  }

  /**
   * Deadlock (40P01) or serialization failure (40001): the transaction was rolled back and may
   * simply be retried.
   */
  private static boolean isTransient(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.sql.SQLException sql
          && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
        return true;
      }
      if (cause instanceof java.sql.BatchUpdateException batch
          && batch.getNextException() != null
          && isTransient(batch.getNextException())) {
        return true;
      }
    }
    return false;
  }

  @PreDestroy
  void stop() {
    writer.stop();
  }

  /**
   * Takes up to {@code limit} due events for dispatch, oldest first, leasing them so no other
   * instance takes them meanwhile.
   */
  List<InboxEvent> claimDue(int limit) {
    return jdbi
        .inTransaction(
            h ->
                h.createQuery(
                        """
            update webhook_inbox set attempts = attempts + 1, next_attempt_at = now() + cast(:lease as interval)
            where id in (select id from webhook_inbox where status = 'pending' and next_attempt_at <= now()
                         order by received_at limit :limit for update skip locked)
            returning *""")
                    .bind("lease", LEASE.toSeconds() + " seconds")
                    .bind("limit", limit)
                    .map((rs, ctx) -> event(rs))
                    .list())
        // UPDATE ... RETURNING gives rows in no defined order; events are dispatched in the order
        // they arrived.
        .stream()
        .sorted(java.util.Comparator.comparing(InboxEvent::receivedAt))
        .toList();
  }

  void dispatched(UUID id, List<String> runIds, List<RouteEvaluation> evaluations) {
    finish(id, "dispatched", null, json(runIds), json(evaluations));
  }

  /** How an event without side effects ended: no route matched, or it was stale. */
  record Settled(UUID id, String status, String reason, List<RouteEvaluation> evaluations) {

    static Settled noMatch(UUID id, List<RouteEvaluation> evaluations) {
      return new Settled(id, "no_match", null, evaluations);
    }

    /** An event older than one already dispatched for its ordering key: kept, not applied. */
    static Settled stale(UUID id, String reason) {
      return new Settled(id, "stale", reason, List.of());
    }
  }

  /**
   * Records many settled events in one statement batch. Only events that started nothing are
   * settled this way: should the runtime stop before this, they are simply evaluated again, with
   * the same result.
   */
  void settle(List<Settled> settled) {
    if (settled.isEmpty()) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  update webhook_inbox set status = :status, last_error = :error, run_ids = null,
                    route_results = cast(:routes as jsonb) where id = :id""");
          settled.forEach(
              event ->
                  batch
                      .bind("status", event.status())
                      .bind("error", event.reason())
                      .bind("routes", json(event.evaluations()))
                      .bind("id", event.id())
                      .add());
          batch.execute();
        });
  }

  /** Dispatches a received event again, whatever became of it: the operator's explicit choice. */
  public boolean replay(String triggerId, UUID id) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
            update webhook_inbox set status = 'pending', attempts = 0, next_attempt_at = now(), last_error = null,
              dispatch_round = dispatch_round + 1
            where id = :id and trigger_id = :trigger""")
                    .bind("id", id)
                    .bind("trigger", triggerId)
                    .execute())
        == 1;
  }

  /**
   * A failed dispatch is tried again with backoff, and after {@link #MAX_ATTEMPTS} parked as dead,
   * with its error.
   */
  void failed(InboxEvent event, String error) {
    failed(event, error, List.of());
  }

  void failed(InboxEvent event, String error, List<RouteEvaluation> evaluations) {
    boolean dead = event.attempts() >= MAX_ATTEMPTS;
    long backoffSeconds = Math.min(300, 1L << Math.min(event.attempts(), 8));
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            update webhook_inbox set status = :status, last_error = :error,
              route_results = cast(:routes as jsonb),
              next_attempt_at = now() + cast(:backoff as interval) where id = :id""")
                .bind("status", dead ? "dead" : "pending")
                .bind("routes", json(evaluations))
                .bind("error", error)
                .bind("backoff", backoffSeconds + " seconds")
                .bind("id", event.id())
                .execute());
  }

  /**
   * An event that no retry can dispatch (its route is too costly to evaluate): parked as dead at
   * once, with why.
   */
  void dead(InboxEvent event, String error) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "update webhook_inbox set status = 'dead', last_error = :error where id = :id")
                .bind("error", error)
                .bind("id", event.id())
                .execute());
  }

  /**
   * Forgets handled events received before {@code before}; their ids no longer count as duplicates.
   * Pending events (not yet dispatched) and dead ones (waiting for an operator) stay whatever their
   * age.
   *
   * @return how many were removed
   */
  public int purgeHandledBefore(Instant before) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
            delete from webhook_inbox where received_at < :before and status in ('dispatched', 'no_match', 'stale')""")
                .bind("before", before)
                .execute());
  }

  /** One event of the trigger; empty when the trigger has no event of that id. */
  public Optional<InboxEvent> find(String triggerId, UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select * from webhook_inbox where id = :id and trigger_id = :trigger")
                .bind("id", id)
                .bind("trigger", triggerId)
                .map((rs, ctx) -> event(rs))
                .findOne());
  }

  public List<InboxEvent> recent(String triggerId, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select * from webhook_inbox where trigger_id = :trigger order by received_at desc limit :limit")
                .bind("trigger", triggerId)
                .bind("limit", limit)
                .map((rs, ctx) -> event(rs))
                .list());
  }

  private void finish(UUID id, String status, String error, String runIds, String routes) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    update webhook_inbox set status = :status, last_error = :error,
                      run_ids = cast(:runs as jsonb), route_results = cast(:routes as jsonb)
                    where id = :id""")
                .bind("status", status)
                .bind("routes", routes)
                .bind("error", error)
                .bind("runs", runIds)
                .bind("id", id)
                .execute());
  }

  private static InboxEvent event(ResultSet rs) throws SQLException {
    return new InboxEvent(
        rs.getObject("id", UUID.class),
        rs.getString("trigger_id"),
        rs.getString("event_id"),
        rs.getTimestamp("received_at").toInstant(),
        map(rs.getString("headers")),
        map(rs.getString("query")),
        rs.getBytes("body"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        runIds(rs.getString("run_ids")),
        rs.getInt("dispatch_round"),
        rs.getString("received_headers") == null ? Map.of() : map(rs.getString("received_headers")),
        routes(rs.getString("route_results")));
  }

  private static List<String> runIds(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<RouteEvaluation> routes(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return Json.mapper().readValue(json, new TypeReference<List<RouteEvaluation>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> map(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
