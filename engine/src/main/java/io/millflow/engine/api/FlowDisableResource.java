package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.FlowDisables;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * Whether a flow starts runs: {@code POST} disables it (starts answer 409, its schedules pause, its
 * trigger routes skip it), {@code DELETE} enables it again (and resumes its schedules).
 */
@Path("/api/flows/{id}/disable")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.OPERATOR)
public class FlowDisableResource {

  private final FlowDisables disables;
  private final CurrentCaller caller;

  public FlowDisableResource(FlowDisables disables, CurrentCaller caller) {
    this.disables = disables;
    this.caller = caller;
  }

  @POST
  @Audited("flow.disable")
  public Disabled disable(@PathParam("id") String id) {
    return disables
        .disable(caller.tenantId(), id)
        .map(at -> new Disabled(id, at))
        .orElseThrow(() -> noFlow(id));
  }

  @DELETE
  @Audited("flow.enable")
  public Disabled enable(@PathParam("id") String id) {
    if (!disables.enable(caller.tenantId(), id)) {
      throw noFlow(id);
    }
    return new Disabled(id, null);
  }

  private static NotFoundException noFlow(String id) {
    return new NotFoundException("No flow with id '" + id + "'");
  }

  /** A flow: disabled since {@code disabledAt}, or starting runs (null). */
  public record Disabled(String flowId, Instant disabledAt) {}
}
