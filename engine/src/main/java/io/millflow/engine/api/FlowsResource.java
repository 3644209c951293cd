package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.DeployedFlow;
import io.millflow.engine.flow.FlowDeployer;
import io.millflow.engine.flow.FlowRemoval;
import io.millflow.engine.flow.FlowService;
import io.millflow.engine.flow.FlowSummary;
import io.millflow.engine.history.FlowRun;
import io.millflow.engine.input.TextInput;
import io.millflow.engine.sync.BackfillWindow;
import io.millflow.engine.sync.SyncCursors;
import io.millflow.engine.sync.SyncMode;
import io.millflow.engine.sync.SyncStarts;
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
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Flows: list, deploy a BPMN, download it, start a run, backfill or refresh its syncs, delete. */
@Path("/api/flows")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class FlowsResource {

  private final FlowService flows;
  private final FlowDeployer deployer;
  private final SyncCursors cursors;
  private final CurrentCaller caller;
  private final SyncStarts syncStarts;
  private final FlowRemoval removal;
  private final Clock clock = Clock.systemUTC();

  public FlowsResource(
      FlowService flows,
      FlowDeployer deployer,
      SyncCursors cursors,
      CurrentCaller caller,
      SyncStarts syncStarts,
      FlowRemoval removal) {
    this.removal = removal;
    this.flows = flows;
    this.deployer = deployer;
    this.cursors = cursors;
    this.caller = caller;
    this.syncStarts = syncStarts;
  }

  @GET
  public List<FlowSummary> list() {
    return flows.list(caller.tenantId());
  }

  @APIResponse(
      responseCode = "201",
      description = "The flow deployed",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = DeployedFlow.class)))
  @POST
  @Consumes({
    MediaType.APPLICATION_XML,
    MediaType.TEXT_XML,
    MediaType.TEXT_PLAIN,
    MediaType.APPLICATION_OCTET_STREAM
  })
  @Access(Role.DESIGNER)
  @Audited("flow.deploy")
  public Response deploy(String bpmn) {
    if (bpmn == null || bpmn.isBlank()) {
      return ApiExceptionMappers.json(
          Response.Status.BAD_REQUEST,
          ApiError.of("invalid_flow", "The request body must be a BPMN 2.0 XML document."));
    }
    DeployedFlow flow = deployer.submit(caller.tenantId(), bpmn);
    return Response.created(URI.create("/api/flows/" + flow.id())).entity(flow).build();
  }

  @GET
  @Path("/{id}/bpmn")
  @Produces(MediaType.APPLICATION_XML)
  public String bpmn(@PathParam("id") String id) {
    return flows
        .latestBpmn(caller.tenantId(), id)
        .orElseThrow(() -> new NotFoundException("No flow with id '" + id + "'"));
  }

  @APIResponse(
      responseCode = "201",
      description = "The run started",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = FlowRun.class)))
  @POST
  @Path("/{id}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.OPERATOR)
  @Audited("run.start")
  public Response start(@PathParam("id") String id, StartRunRequest request) {
    Map<String, Object> variables =
        request == null || request.variables() == null ? Map.of() : request.variables();
    String businessKey = request == null ? null : request.businessKey();
    return created(
        id,
        flows.startKeyed(
            caller.tenantId(), id, variables, "token:" + caller.get().tokenName(), businessKey));
  }

  /**
   * Runs the flow over a past window, {@code [from, to)}: its incremental sources read that window,
   * whatever the committed cursor, and the run commits no cursor.
   */
  @APIResponse(
      responseCode = "201",
      description = "The run started",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = FlowRun.class)))
  @POST
  @Path("/{id}/backfill")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.OPERATOR)
  @Audited("flow.backfill")
  public Response backfill(@PathParam("id") String id, BackfillRequest request) {
    SyncMode.Backfill window =
        BackfillWindow.of(
            request == null ? null : request.from(),
            request == null ? null : request.to(),
            clock.instant());
    return created(id, syncStarts.backfill(caller.tenantId(), id, window));
  }

  /**
   * Runs the flow reading everything from the start; its cursors move when it completes, never
   * backwards.
   */
  @APIResponse(
      responseCode = "201",
      description = "The run started",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = FlowRun.class)))
  @POST
  @Path("/{id}/refresh")
  @Access(Role.OPERATOR)
  @Audited("flow.refresh")
  public Response refresh(@PathParam("id") String id) {
    return created(id, syncStarts.refresh(caller.tenantId(), id));
  }

  private static Response created(String id, Optional<FlowRun> run) {
    FlowRun started =
        run.orElseThrow(
            () ->
                new NotFoundException(
                    "No flow with id '" + id + "': deploy it first (POST /api/flows)"));
    return Response.created(URI.create("/api/runs/" + started.id())).entity(started).build();
  }

  /**
   * Deletes the flow and its versions (its runs stay in the history); 409 while runs are in flight
   * or a trigger routes to it, naming them.
   */
  @APIResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("/{id}")
  @Access(Role.DESIGNER)
  @Audited("flow.delete")
  public Response delete(@PathParam("id") String id) {
    if (!removal.delete(caller.tenantId(), id)) {
      throw new NotFoundException("No flow with id '" + id + "'");
    }
    return Response.noContent().build();
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

  /**
   * A flow id of the caller's tenant; any other is answered 404, as for a flow that does not exist.
   */
  private String known(String id) {
    flows
        .latestBpmn(caller.tenantId(), id)
        .orElseThrow(() -> new NotFoundException("No flow with id '" + id + "'"));
    return id;
  }

  /**
   * Body of a run start: the flow's start variables, and optionally the run's business key (what
   * the run is about, such as an order number), by which the runs list finds it.
   */
  public record StartRunRequest(
      Map<String, Object> variables, @TextInput(TextInput.Kind.NAME) String businessKey) {}

  /**
   * Body of a backfill: the window, two ISO-8601 instants ({@code from} inclusive, {@code to}
   * exclusive).
   */
  public record BackfillRequest(String from, String to) {}
}
