package io.millflow.engine.api;

import io.millflow.engine.config.MillflowConfig;
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
public class SchedulesResource {

  private final Schedules schedules;
  private final MillflowConfig config;

  public SchedulesResource(Schedules schedules, MillflowConfig config) {
    this.schedules = schedules;
    this.config = config;
  }

  @GET
  public List<Schedule> list(@QueryParam("flow") String flowId) {
    return schedules.list(config.tenant()).stream()
        .filter(schedule -> flowId == null || flowId.isBlank() || schedule.flowId().equals(flowId))
        .toList();
  }
}
