package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.Schedule;
import io.millflow.engine.flow.Schedules;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The flows' timer start events with their next fire time; {@code ?flow=} narrows to one flow. */
@Path("/api/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class SchedulesResource {

  private final Schedules schedules;
  private final CurrentCaller caller;

  public SchedulesResource(Schedules schedules, CurrentCaller caller) {
    this.schedules = schedules;
    this.caller = caller;
  }

  @GET
  public List<Schedule> list(@QueryParam("flow") String flowId) {
    return schedules.list(caller.tenantId()).stream()
        .filter(schedule -> flowId == null || flowId.isBlank() || schedule.flowId().equals(flowId))
        .toList();
  }
}
