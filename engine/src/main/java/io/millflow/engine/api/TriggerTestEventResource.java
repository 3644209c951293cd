package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.trigger.TestEvents;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /api/triggers/{id}/test-event}: a sample body (the request's JSON object, or a
 * built-in one) signed with the trigger's secret on the server and received as a sender's request;
 * answered as {@code POST /webhooks/{id}} answers it. It starts the flows its routes match.
 */
@Path("/api/triggers/{id}/test-event")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.OPERATOR)
public class TriggerTestEventResource {

  private final TestEvents testEvents;
  private final CurrentCaller caller;

  public TriggerTestEventResource(TestEvents testEvents, CurrentCaller caller) {
    this.testEvents = testEvents;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited("trigger.test-event")
  public Response send(@PathParam("id") String id, Map<String, Object> sample) {
    return testEvents
        .send(caller.tenantId(), id, sample)
        .map(WebhookResource::answer)
        .orElseThrow(() -> new NotFoundException("No trigger with id '" + id + "'"));
  }
}
