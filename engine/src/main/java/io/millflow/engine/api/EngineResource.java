package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.EngineCapabilities;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The BPMN engine the runtime runs on and what it can do of the operations a Camunda 8 cluster
 * refuses (pausing schedules, retry on the latest version), for the UI to say so before a click.
 */
@Path("/api/engine")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class EngineResource {

  private final EngineCapabilities capabilities;

  public EngineResource(EngineCapabilities capabilities) {
    this.capabilities = capabilities;
  }

  @GET
  public EngineCapabilities.EngineInfo engine() {
    return capabilities.describe();
  }
}
