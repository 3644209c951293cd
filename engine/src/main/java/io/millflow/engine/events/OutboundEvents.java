package io.millflow.engine.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Emits an event: one outbox row per interested subscription, in one transaction, delivered later by
 * {@link EventDelivery}. Emitting never fails the caller: an event that cannot be stored is logged.
 */
@Singleton
public class OutboundEvents {

  private static final Logger LOG = Logger.getLogger(OutboundEvents.class);

  private final Jdbi jdbi;

  public OutboundEvents(StateStore store) {
    this.jdbi = store.jdbi();
  }

  public void emit(String tenantId, EventType type, Map<String, Object> data) {
    try {
      jdbi.useTransaction(h -> h.createQuery("""
              select id from event_subscription where tenant_id = :tenant and event_types @> jsonb_build_array(cast(:type as text))""")
          .bind("tenant", tenantId).bind("type", type.wireName()).mapTo(UUID.class).list()
          .forEach(subscription -> {
            UUID eventId = UUID.randomUUID();
            h.createUpdate("""
                    insert into event_outbox (id, subscription_id, type, payload, status)
                    values (:id, :subscription, :type, cast(:payload as jsonb), 'pending')""")
                .bind("id", eventId).bind("subscription", subscription).bind("type", type.wireName())
                .bind("payload", payload(eventId, tenantId, type, data)).execute();
          }));
    } catch (RuntimeException e) {
      LOG.errorf(e, "Outbound event %s could not be stored", type.wireName());
    }
  }

  private static String payload(UUID id, String tenantId, EventType type, Map<String, Object> data) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("id", id.toString());
    event.put("type", type.wireName());
    event.put("timestamp", Instant.now().toString());
    event.put("tenant", tenantId);
    event.put("data", data);
    try {
      return Json.mapper().writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
