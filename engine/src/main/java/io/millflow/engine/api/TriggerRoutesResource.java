package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.trigger.Route;
import io.millflow.engine.trigger.TriggerRoutes;
import io.millflow.engine.trigger.WebhookTrigger;
import io.millflow.step.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Edits a webhook trigger's routes: {@code PUT /api/triggers/{id}/routes} with {@code {"routes":
 * [...], "matchAll"}}.
 */
@Path("/api/triggers/{id}/routes")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.DESIGNER)
public class TriggerRoutesResource {

  private final TriggerRoutes routes;
  private final CurrentCaller caller;

  public TriggerRoutesResource(TriggerRoutes routes, CurrentCaller caller) {
    this.routes = routes;
    this.caller = caller;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("trigger.routes")
  public WebhookTrigger.View replace(@PathParam("id") String id, RoutesUpdate update) {
    if (update == null || update.routes() == null) {
      throw new BadRequestException(
          "Send {\"routes\": [{\"condition\": \"body.type = \\\"order\\\"\", \"flowId\": \"...\"}],"
              + " \"matchAll\": false}.");
    }
    try {
      List<Route> parsed =
          java.util.stream.IntStream.range(0, update.routes().size())
              .mapToObj(i -> route(i, update.routes().get(i)))
              .toList();
      return routes
          .replace(caller.tenantId(), id, parsed, Boolean.TRUE.equals(update.matchAll()))
          .map(WebhookTrigger::view)
          .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
    } catch (io.millflow.engine.trigger.RouteRefused e) {
      throw new FieldRefused(e.field(), e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /** Step-library JSON, with the strings of a route checked as the API checks every string. */
  private static final com.fasterxml.jackson.databind.ObjectMapper ROUTES =
      Json.mapper().copy().registerModule(TextInputs.module());

  private static Route route(int index, Map<String, Object> body) {
    try {
      return ROUTES.convertValue(body, Route.class);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof TextInputs.Refused refused) {
        throw new IllegalArgumentException(
            "Field 'routes[" + index + "]." + refused.field() + "' " + refused.problem());
      }
      Throwable cause =
          e.getCause() != null && e.getCause().getCause() != null ? e.getCause().getCause() : e;
      throw new IllegalArgumentException("Invalid route: " + cause.getMessage().split("\n")[0]);
    }
  }

  /**
   * The body: the trigger's new routes, and whether every matching route starts (not only the
   * first).
   */
  public record RoutesUpdate(List<Map<String, Object>> routes, Boolean matchAll) {}
}
