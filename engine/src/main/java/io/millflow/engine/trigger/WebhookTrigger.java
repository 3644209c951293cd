package io.millflow.engine.trigger;

import java.time.Instant;
import java.util.List;

/**
 * A stored trigger; its secrets stay inside the trigger package and are never returned by the API.
 */
public record WebhookTrigger(
    String id, String tenantId, TriggerDefinition definition, Instant createdAt, Instant pausedAt) {

  /**
   * Whether the trigger is paused: its endpoint answers 503 with Retry-After and stores nothing.
   */
  public boolean paused() {
    return pausedAt != null;
  }

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
      Instant createdAt,
      Instant pausedAt) {}

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
        createdAt,
        pausedAt);
  }
}
