package io.millflow.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.engine.observe.Tracing;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Emits an event: one outbox row per interested subscription, in one transaction, delivered later
 * by {@link EventDelivery}.
 */
@Singleton
public class OutboundEvents {

  private static final Logger LOG = Logger.getLogger(OutboundEvents.class);

  private final Jdbi jdbi;

  public OutboundEvents(StateStore store) {
    this.jdbi = store.jdbi();
  }

  /** A system event; emitting never fails the caller: an event that cannot be stored is logged. */
  public void emit(String tenantId, EventType type, Map<String, Object> data) {
    try {
      store(tenantId, type.wireName(), data, null);
    } catch (RuntimeException e) {
      LOG.errorf(e, "Outbound event %s could not be stored", type.wireName());
    }
  }

  /**
   * A flow's own event ({@code custom.<name>}), stored for every subscriber of that type or of
   * {@code custom.*}. Emitting again with the same {@code idempotencyKey} stores nothing new, so a
   * retried task does not notify twice.
   *
   * @return how many subscribers will be told
   * @throws RuntimeException when the outbox cannot be written: the step fails and is retried
   */
  public int emitCustom(
      String tenantId, String name, Map<String, Object> data, String idempotencyKey) {
    return store(tenantId, CustomEvents.wireType(name), data, idempotencyKey);
  }

  private int store(String tenantId, String type, Map<String, Object> data, String idempotencyKey) {
    String traceparent = Tracing.traceparent().orElse(null);
    return jdbi.inTransaction(
        h -> {
          List<UUID> subscriptions =
              h.createQuery(
                      """
              select id from event_subscription where tenant_id = :tenant
              and (event_types @> jsonb_build_array(cast(:type as text))
                   or (:custom and event_types @> jsonb_build_array(cast(:all as text))))""")
                  .bind("tenant", tenantId)
                  .bind("type", type)
                  .bind("custom", type.startsWith(CustomEvents.PREFIX))
                  .bind("all", CustomEvents.ALL)
                  .mapTo(UUID.class)
                  .list();
          if (subscriptions.isEmpty()) {
            return 0;
          }
          String source = EventSource.of(type, data);
          long sequence = nextSequence(h, tenantId, source);
          for (UUID subscription : subscriptions) {
            UUID eventId =
                idempotencyKey == null
                    ? UUID.randomUUID()
                    : UUID.nameUUIDFromBytes(
                        (idempotencyKey + "|" + type + "|" + subscription)
                            .getBytes(StandardCharsets.UTF_8));
            h.createUpdate(
                    """
                insert into event_outbox (id, subscription_id, type, payload, status, trace_parent)
                values (:id, :subscription, :type, cast(:payload as jsonb), 'pending', :traceparent)
                on conflict (id) do nothing""")
                .bind("traceparent", traceparent)
                .bind("id", eventId)
                .bind("subscription", subscription)
                .bind("type", type)
                .bind("payload", payload(eventId, tenantId, type, source, sequence, data))
                .execute();
          }
          return subscriptions.size();
        });
  }

  /**
   * The next number of the source's events. The row stays locked until the emitting transaction
   * ends, so two emitters of one source number their events in the order they commit.
   */
  private static long nextSequence(Handle h, String tenantId, String source) {
    return h.createQuery(
            """
        insert into event_source_sequence (tenant_id, source, last_sequence) values (:tenant, :source, 1)
        on conflict (tenant_id, source) do update set last_sequence = event_source_sequence.last_sequence + 1
        returning last_sequence""")
        .bind("tenant", tenantId)
        .bind("source", source)
        .mapTo(Long.class)
        .one();
  }

  static String payload(
      UUID id,
      String tenantId,
      String type,
      String source,
      long sequence,
      Map<String, Object> data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id.toString());
    event.put("type", type);
    event.put("timestamp", Instant.now().toString());
    event.put("tenant", tenantId);
    event.put("source", source);
    event.put("sequence", sequence);
    event.put("data", data);
    try {
      return Json.mapper().writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
