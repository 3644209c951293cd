package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.SchedulePauses;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * The pause of a flow's schedules: {@code POST} pauses them (the engine's timer start events do not
 * fire), {@code DELETE} resumes them. 409 on an engine that cannot suspend timers (a Camunda 8
 * cluster).
 */
@Path("/api/schedules/{flowId}/pause")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.OPERATOR)
public class SchedulePauseResource {

  private final SchedulePauses pauses;
  private final CurrentCaller caller;

  public SchedulePauseResource(SchedulePauses pauses, CurrentCaller caller) {
    this.pauses = pauses;
    this.caller = caller;
  }

  @POST
  @Audited("schedule.pause")
  public Paused pause(@PathParam("flowId") String flowId) {
    return pauses
        .pause(caller.tenantId(), flowId)
        .map(at -> new Paused(flowId, at))
        .orElseThrow(() -> noFlow(flowId));
  }

  @DELETE
  @Audited("schedule.resume")
  public Paused resume(@PathParam("flowId") String flowId) {
    if (!pauses.resume(caller.tenantId(), flowId)) {
      throw noFlow(flowId);
    }
    return new Paused(flowId, null);
  }

  private static NotFoundException noFlow(String flowId) {
    return new NotFoundException("No flow with id '" + flowId + "'");
  }

  /** A flow's schedules: paused since {@code pausedAt}, or running (null). */
  public record Paused(String flowId, Instant pausedAt) {}
}
