package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.DeployedFlow;
import io.millflow.engine.flow.FlowDeployer;
import io.millflow.engine.flow.FlowService;
import io.millflow.engine.flow.FlowSummary;
import io.millflow.engine.history.FlowRun;
import io.millflow.engine.sync.SyncCursors;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
@Access(Role.VIEWER)
public class FlowsResource {

  private final FlowService flows;
  private final FlowDeployer deployer;
  private final SyncCursors cursors;
  private final CurrentCaller caller;

  public FlowsResource(FlowService flows, FlowDeployer deployer, SyncCursors cursors, CurrentCaller caller) {
    this.flows = flows;
    this.deployer = deployer;
    this.cursors = cursors;
    this.caller = caller;
  }

  @GET
  public List<FlowSummary> list() {
    return flows.list(caller.tenantId());
  }

  @POST
  @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
  @Access(Role.DESIGNER)
  @Audited("flow.deploy")
  public Response deploy(String bpmn) {
    if (bpmn == null || bpmn.isBlank()) {
      return ApiExceptionMappers.json(Response.Status.BAD_REQUEST,
          ApiError.of("invalid_flow", "The request body must be a BPMN 2.0 XML document."));
    }
    DeployedFlow flow = deployer.submit(caller.tenantId(), bpmn);
    return Response.created(URI.create("/api/flows/" + flow.id())).entity(flow).build();
  }

  @GET
  @Path("/{id}/bpmn")
  @Produces(MediaType.APPLICATION_XML)
  public String bpmn(@PathParam("id") String id) {
    return flows.latestBpmn(caller.tenantId(), id).orElseThrow(() -> new NotFoundException("No flow with id '" + id + "'"));
  }

  @POST
  @Path("/{id}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.OPERATOR)
  @Audited("run.start")
  public Response start(@PathParam("id") String id, StartRunRequest request) {
    Map<String, Object> variables = request == null || request.variables() == null ? Map.of() : request.variables();
    FlowRun run = flows.start(caller.tenantId(), id, variables)
        .orElseThrow(() -> new NotFoundException("No flow with id '" + id + "': deploy it first (POST /api/flows)"));
    return Response.created(URI.create("/api/runs/" + run.id())).entity(run).build();
  }

  /** Where each incremental read of the flow resumes. */
  @GET
  @Path("/{id}/sync-state")
  public List<SyncCursors.Committed> syncState(@PathParam("id") String id) {
    return cursors.list(caller.tenantId(), known(id));
  }

  /** Forgets the flow's cursors: its next run reads everything again (a full resync). */
  @DELETE
  @Path("/{id}/sync-state")
  @Access(Role.OPERATOR)
  @Audited("flow.reset-sync-state")
  public Map<String, Integer> resetSyncState(@PathParam("id") String id) {
    return Map.of("reset", cursors.reset(caller.tenantId(), known(id)));
  }

  /** A flow id of the caller's tenant; any other is answered 404, as for a flow that does not exist. */
  private String known(String id) {
    flows.latestBpmn(caller.tenantId(), id).orElseThrow(() -> new NotFoundException("No flow with id '" + id + "'"));
    return id;
  }

  /** Body of a run start: the flow's start variables. */
  public record StartRunRequest(Map<String, Object> variables) {}
}
