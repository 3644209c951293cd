package io.millflow.engine.api;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.flow.DeployedFlow;
import io.millflow.engine.flow.FlowDeployer;
import io.millflow.engine.flow.FlowService;
import io.millflow.engine.flow.FlowSummary;
import io.millflow.engine.history.FlowRun;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Flows: list, deploy a BPMN, download it, start a run. */
@Path("/api/flows")
@Produces(MediaType.APPLICATION_JSON)
public class FlowsResource {

  private final FlowService flows;
  private final FlowDeployer deployer;
  private final MillflowConfig config;

  public FlowsResource(FlowService flows, FlowDeployer deployer, MillflowConfig config) {
    this.flows = flows;
    this.deployer = deployer;
    this.config = config;
  }

  @GET
  public List<FlowSummary> list() {
    return flows.list(config.tenant());
  }

  @POST
  @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  public Response deploy(String bpmn) {
    if (bpmn == null || bpmn.isBlank()) {
      return ApiExceptionMappers.json(Response.Status.BAD_REQUEST,
          ApiError.of("invalid_flow", "The request body must be a BPMN 2.0 XML document."));
    }
    DeployedFlow flow = deployer.deploy(config.tenant(), bpmn, "api");
    return Response.created(URI.create("/api/flows/" + flow.id())).entity(flow).build();
  }

  @GET
  @Path("/{id}/bpmn")
  @Produces(MediaType.APPLICATION_XML)
  public String bpmn(@PathParam("id") String id) {
    return flows.latestBpmn(config.tenant(), id).orElseThrow(() -> new NotFoundException("No flow with id '" + id + "'"));
  }

  @POST
  @Path("/{id}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response start(@PathParam("id") String id, StartRunRequest request) {
    Map<String, Object> variables = request == null || request.variables() == null ? Map.of() : request.variables();
    FlowRun run = flows.start(config.tenant(), id, variables)
        .orElseThrow(() -> new NotFoundException("No flow with id '" + id + "': deploy it first (POST /api/flows)"));
    return Response.created(URI.create("/api/runs/" + run.id())).entity(run).build();
  }

  /** Body of a run start: the flow's start variables. */
  public record StartRunRequest(Map<String, Object> variables) {}
}
