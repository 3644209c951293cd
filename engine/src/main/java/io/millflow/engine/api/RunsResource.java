package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.RunCancellation;
import io.millflow.engine.flow.RunRestarts;
import io.millflow.engine.flow.RunRetries;
import io.millflow.engine.history.CurrentSteps;
import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunFilter;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.RunList;
import io.millflow.engine.history.RunStatus;
import io.millflow.engine.ledger.RunLedger;
import io.millflow.engine.ledger.RunRecords;
import io.millflow.engine.ledger.StepLedger;
import io.millflow.engine.sync.SyncModes;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Run history: the list with filters, and one run with its steps and logs. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class RunsResource {

  private static final Set<String> STATUSES =
      java.util.Arrays.stream(RunStatus.values())
          .map(RunStatus::stored)
          .collect(java.util.stream.Collectors.toSet());

  private final RunHistory history;
  private final RunRetries retries;
  private final RunCancellation cancellation;
  private final CurrentCaller caller;
  private final RunLedger ledger;
  private final SyncModes syncModes;
  private final RunList runList;
  private final StepLedger stepLedger;
  private final CurrentSteps currentSteps;
  private final RunRestarts restarts;

  public RunsResource(
      RunHistory history,
      RunRetries retries,
      RunCancellation cancellation,
      CurrentCaller caller,
      RunLedger ledger,
      SyncModes syncModes,
      RunList runList,
      StepLedger stepLedger,
      CurrentSteps currentSteps,
      RunRestarts restarts) {
    this.restarts = restarts;
    this.history = history;
    this.currentSteps = currentSteps;
    this.runList = runList;
    this.stepLedger = stepLedger;
    this.ledger = ledger;
    this.syncModes = syncModes;
    this.retries = retries;
    this.cancellation = cancellation;
    this.caller = caller;
  }

  /** Cancels a run that has not ended; 409 when it has. */
  @POST
  @Path("/{id}/cancel")
  @Access(Role.OPERATOR)
  @Audited("run.cancel")
  public FlowRun cancel(@PathParam("id") String id) {
    return Params.uuid(id)
        .flatMap(
            runId ->
                cancellation.cancel(
                    caller.tenantId(), runId, "token '" + caller.get().tokenName() + "'"))
        .orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
  }

  /**
   * Runs the failed steps of a run at an incident again, once the cause is fixed: {@code
   * version=same} (the default) on the version the run started on, {@code version=latest} on the
   * flow's latest version, to which the run is moved first (409 where the engine cannot). The
   * answer's {@code flowVersion} is the version the run continues on.
   */
  @POST
  @Path("/{id}/retry")
  @Access(Role.OPERATOR)
  @Audited("run.retry")
  public FlowRun retry(
      @PathParam("id") String id, @QueryParam("version") @DefaultValue("same") String version) {
    RunRetries.RetryTarget target =
        switch (version) {
          case "same" -> RunRetries.RetryTarget.SAME_VERSION;
          case "latest" -> RunRetries.RetryTarget.LATEST_VERSION;
          default ->
              throw new BadRequestException(
                  "Query parameter 'version' must be 'same' or 'latest', not '" + version + "'");
        };
    return Params.uuid(id)
        .flatMap(runId -> retries.retry(caller.tenantId(), runId, target))
        .orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
  }

  /**
   * Starts the run's flow again, on its latest version, with the variables the run started with;
   * 201 with the new run. 409 when the run's input was not kept (runs from before it was).
   */
  @APIResponse(
      responseCode = "201",
      description = "The new run",
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(implementation = FlowRun.class)))
  @POST
  @Path("/{id}/restart")
  @Access(Role.OPERATOR)
  @Audited("run.restart")
  public Response restart(@PathParam("id") String id) {
    FlowRun started =
        Params.uuid(id)
            .flatMap(
                runId ->
                    restarts.restart(caller.tenantId(), runId, "token:" + caller.get().tokenName()))
            .orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
    return Response.created(java.net.URI.create("/api/runs/" + started.id()))
        .entity(started)
        .build();
  }

  /** The answer's header with the number of runs that match the filters, over all pages. */
  static final String TOTAL_HEADER = "X-Total-Count";

  /**
   * One page of runs, newest first (an array, as it always was); the total that match is in the
   * {@value #TOTAL_HEADER} header. {@code q} searches run ids, instance keys, business keys and
   * errors; {@code trigger} keeps the runs a webhook trigger started (by its name), {@code
   * startedBy} those of any starter as the runs show it ({@code token:ci}, {@code engine}); {@code
   * businessKey} finds runs by their business key, exactly.
   */
  @GET
  @APIResponse(
      responseCode = "200",
      description = "One page of runs, newest first",
      headers =
          @Header(
              name = TOTAL_HEADER,
              description = "How many runs match the filters, over all pages",
              schema = @Schema(type = SchemaType.INTEGER)),
      content =
          @Content(
              mediaType = "application/json",
              schema = @Schema(type = SchemaType.ARRAY, implementation = RunRow.class)))
  public Response list(
      @QueryParam("flow") String flow,
      @QueryParam("status") String status,
      @QueryParam("since") String since,
      @QueryParam("until") String until,
      @QueryParam("q") String search,
      @QueryParam("trigger") String trigger,
      @QueryParam("startedBy") String startedBy,
      @QueryParam("businessKey") String businessKey,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    if (status != null && !STATUSES.contains(status)) {
      throw new BadRequestException("Query parameter 'status' must be one of " + STATUSES);
    }
    if (limit < 1 || limit > 1000) {
      throw new BadRequestException("Query parameter 'limit' must be between 1 and 1000");
    }
    if (offset < 0) {
      throw new BadRequestException("Query parameter 'offset' must be 0 or more");
    }
    if (trigger != null && startedBy != null) {
      throw new BadRequestException(
          "Query parameters 'trigger' and 'startedBy' are two ways to say one thing; give one");
    }
    RunList.Page page =
        runList.page(
            caller.tenantId(),
            new RunFilter(
                flow,
                status,
                Params.instant("since", since),
                Params.instant("until", until),
                search,
                trigger == null || trigger.isBlank() ? startedBy : "trigger:" + trigger.strip(),
                businessKey,
                limit,
                offset));
    List<UUID> ids = page.runs().stream().map(FlowRun::id).toList();
    Map<UUID, RunRecords> records = stepLedger.recordsOf(ids);
    Map<UUID, CurrentSteps.CurrentStep> current = currentSteps.of(ids);
    List<RunRow> rows =
        page.runs().stream()
            .map(run -> new RunRow(run, records.get(run.id()), current.get(run.id())))
            .toList();
    return Response.ok(rows).header(TOTAL_HEADER, page.total()).build();
  }

  @GET
  @Path("/{id}")
  public RunView get(@PathParam("id") String id) {
    return Params.uuid(id)
        .flatMap(runId -> history.findRun(caller.tenantId(), runId))
        .map(
            detail ->
                new RunView(
                    detail.run(),
                    detail.steps(),
                    ledger.paths(detail.run().id()),
                    RunView.Sync.of(syncModes.of(detail.run().id()))))
        .orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
  }
}
