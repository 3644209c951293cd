package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.DeployedFlow;
import io.millflow.engine.flow.FlowVersions;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A flow's version history: {@code GET /api/flows/{id}/versions} and the BPMN of one version. */
@Path("/api/flows/{id}/versions")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class FlowVersionsResource {

  private final FlowVersions versions;
  private final CurrentCaller caller;

  public FlowVersionsResource(FlowVersions versions, CurrentCaller caller) {
    this.versions = versions;
    this.caller = caller;
  }

  @GET
  public List<DeployedFlow> list(@PathParam("id") String id) {
    List<DeployedFlow> found = versions.list(caller.tenantId(), id);
    if (found.isEmpty()) {
      throw new NotFoundException("No flow with id '" + id + "'");
    }
    return found;
  }

  @GET
  @Path("/{version}/bpmn")
  @Produces(MediaType.APPLICATION_XML)
  public String bpmn(@PathParam("id") String id, @PathParam("version") int version) {
    return versions
        .bpmn(caller.tenantId(), id, version)
        .orElseThrow(() -> new NotFoundException("Flow '" + id + "' has no version " + version));
  }
}
