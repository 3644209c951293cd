package io.millflow.engine.api;

import io.millflow.engine.access.Access;
import io.millflow.engine.access.Audited;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.flow.BulkRetries;
import io.millflow.engine.history.IncidentGroups;
import io.millflow.engine.input.TextInput;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The runs at an incident grouped by error, and a retry of many of them at once. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class IncidentsResource {

  /**
   * A bulk retry: the runs of one group ({@code group}, its key) or these runs ({@code runs}, their
   * ids); one of the two.
   */
  public record BulkRetryRequest(
      @TextInput(TextInput.Kind.NAME) String group,
      @TextInput(TextInput.Kind.NAME) List<String> runs) {}

  private final IncidentGroups groups;
  private final BulkRetries retries;
  private final CurrentCaller caller;

  public IncidentsResource(IncidentGroups groups, BulkRetries retries, CurrentCaller caller) {
    this.groups = groups;
    this.retries = retries;
    this.caller = caller;
  }

  /**
   * The groups of runs at an incident now, most runs first, a page at a time; the number of groups
   * is in the {@value RunsResource#TOTAL_HEADER} header.
   */
  @GET
  @APIResponse(
      responseCode = "200",
      description = "One page of groups, most runs first",
      headers =
          @Header(
              name = RunsResource.TOTAL_HEADER,
              description = "How many groups there are, over all pages",
              schema = @Schema(type = SchemaType.INTEGER)),
      content =
          @Content(
              mediaType = "application/json",
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = IncidentGroups.IncidentGroup.class)))
  public Response list(
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    if (limit < 1 || limit > 200) {
      throw new BadRequestException("Query parameter 'limit' must be between 1 and 200");
    }
    if (offset < 0) {
      throw new BadRequestException("Query parameter 'offset' must be 0 or more");
    }
    IncidentGroups.Page page = groups.page(caller.tenantId(), limit, offset);
    return Response.ok(page.groups()).header(RunsResource.TOTAL_HEADER, page.total()).build();
  }

  /**
   * Retries the runs of a group, or the runs named, each on the version it started on (at most
   * {@value BulkRetries#MOST_RUNS}); answers per run whether it was retried or refused, and why.
   */
  @POST
  @Path("/retry")
  @Consumes(MediaType.APPLICATION_JSON)
  @Access(Role.OPERATOR)
  @Audited("run.retry.bulk")
  public BulkRetries.BulkRetryOutcome retry(BulkRetryRequest request) {
    boolean byGroup = request != null && request.group() != null && !request.group().isBlank();
    boolean byRuns = request != null && request.runs() != null && !request.runs().isEmpty();
    if (byGroup == byRuns) {
      throw new BadRequestException(
          "Give either 'group' (a group's key) or 'runs' (run ids), one of the two");
    }
    if (byGroup) {
      return retries.retryGroup(caller.get(), request.group().strip());
    }
    if (request.runs().size() > BulkRetries.MOST_RUNS) {
      throw new BadRequestException(
          "A bulk retry takes at most "
              + BulkRetries.MOST_RUNS
              + " runs, not "
              + request.runs().size());
    }
    return retries.retry(
        caller.get(), request.runs().stream().map(IncidentsResource::runId).toList());
  }

  private static UUID runId(String text) {
    return Params.uuid(text.strip())
        .orElseThrow(
            () -> new BadRequestException("'runs' holds '" + text + "', which is not a run id"));
  }
}
