package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.trigger.TriggerStore;
import io.millflow.engine.trigger.WebhookTrigger;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A trigger's pause: {@code POST} pauses it, {@code DELETE} resumes it. A paused trigger's endpoint
 * answers 503 with {@code Retry-After} and stores nothing, so senders that retry (as webhook
 * senders do on a 5xx) deliver their events once it is resumed.
 */
@Path("/api/triggers/{id}/pause")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.OPERATOR)
public class TriggerPauseResource {

  private final TriggerStore triggers;
  private final CurrentCaller caller;

  public TriggerPauseResource(TriggerStore triggers, CurrentCaller caller) {
    this.triggers = triggers;
    this.caller = caller;
  }

  @POST
  @Audited("trigger.pause")
  public WebhookTrigger.View pause(@PathParam("id") String id) {
    return set(id, true);
  }

  @DELETE
  @Audited("trigger.resume")
  public WebhookTrigger.View resume(@PathParam("id") String id) {
    return set(id, false);
  }

  private WebhookTrigger.View set(String id, boolean paused) {
    return triggers
        .setPaused(caller.tenantId(), id, paused)
        .map(WebhookTrigger::view)
        .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
  }
}
