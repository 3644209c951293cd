package io.millflow.engine.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Replaces a webhook trigger's routes (the designer's route editor). Their FEEL is checked first
 * ({@link TriggerFeel}), so a typo or a runaway loop is refused here with its reason instead of
 * failing for every event. Events already received keep their outcome; events dispatched from now
 * on follow the new routes (the dispatcher reads triggers per batch).
 */
@Singleton
public class TriggerRoutes {

  private final Jdbi jdbi;
  private final TriggerStore triggers;
  private final TriggerFeel feel;
  private final RouteTargets targets;

  public TriggerRoutes(
      StateStore store, TriggerStore triggers, TriggerFeel feel, RouteTargets targets) {
    this.jdbi = store.jdbi();
    this.triggers = triggers;
    this.feel = feel;
    this.targets = targets;
  }

  /**
   * @return the trigger with its new routes; empty when the tenant has no such trigger
   * @throws IllegalArgumentException naming the route and what is wrong with it
   */
  public Optional<WebhookTrigger> replace(
      String tenantId, String id, List<Route> routes, boolean matchAll) {
    if (routes == null || routes.isEmpty()) {
      throw new IllegalArgumentException("routes must hold at least one route {condition, flowId}");
    }
    feel.checkRoutes(routes);
    if (triggers.find(tenantId, id).isEmpty()) {
      return Optional.empty();
    }
    targets.check(tenantId, routes);
    int updated =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
            update webhook_trigger set routes = cast(:routes as jsonb), match_all = :matchAll
            where id = :id and tenant_id = :tenant""")
                    .bind("routes", json(routes))
                    .bind("matchAll", matchAll)
                    .bind("id", id)
                    .bind("tenant", tenantId)
                    .execute());
    return updated == 1 ? triggers.find(tenantId, id) : Optional.empty();
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
