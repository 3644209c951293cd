package io.millflow.engine.trigger;

import java.time.Instant;
import java.util.List;

/**
 * A stored trigger; its secrets stay inside the trigger package and are never returned by the API.
 */
public record WebhookTrigger(
    String id, String tenantId, TriggerDefinition definition, Instant createdAt) {

  /** What the API shows of a trigger. */
  public record View(
      String id,
      String name,
      String url,
      SignatureScheme signature,
      String eventId,
      List<Route> routes,
      boolean matchAll,
      int maxBodyBytes,
      Ordering ordering,
      Instant createdAt) {}

  public View view() {
    return new View(
        id,
        definition.name(),
        "/webhooks/" + id,
        definition.signature(),
        definition.eventId(),
        definition.routes(),
        definition.matchAll(),
        definition.maxBodyBytes(),
        definition.ordering(),
        createdAt);
  }
}
