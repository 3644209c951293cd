package io.millflow.engine.api;

import io.millflow.engine.config.MillflowConfig;
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
public class FlowVersionsResource {

  private final FlowVersions versions;
  private final MillflowConfig config;

  public FlowVersionsResource(FlowVersions versions, MillflowConfig config) {
    this.versions = versions;
    this.config = config;
  }

  @GET
  public List<DeployedFlow> list(@PathParam("id") String id) {
    List<DeployedFlow> found = versions.list(config.tenant(), id);
    if (found.isEmpty()) {
      throw new NotFoundException("No flow with id '" + id + "'");
    }
    return found;
  }

  @GET
  @Path("/{version}/bpmn")
  @Produces(MediaType.APPLICATION_XML)
  public String bpmn(@PathParam("id") String id, @PathParam("version") int version) {
    return versions.bpmn(config.tenant(), id, version)
        .orElseThrow(() -> new NotFoundException("Flow '" + id + "' has no version " + version));
  }
}
