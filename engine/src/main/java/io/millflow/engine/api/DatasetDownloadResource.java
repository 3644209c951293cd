package io.millflow.engine.api;

import io.millflow.engine.dataset.DatasetLines;
import io.millflow.engine.dataset.DownloadTickets;
import io.millflow.engine.run.TenantSecretMask;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A whole dataset downloaded by the browser itself, through a one-time link ({@code POST
 * /api/runs/{id}/datasets/{dataset}/download-link}): not under {@code /api}, since a link the
 * browser follows carries no token; the ticket in it is the authorisation, for this dataset of this
 * run only, once, within a minute.
 */
@Path("/downloads/runs/{id}/datasets/{dataset}")
public class DatasetDownloadResource {

  private final DownloadTickets tickets;
  private final RunDatasetFinder finder;
  private final DatasetLines lines;
  private final TenantSecretMask mask;

  public DatasetDownloadResource(
      DownloadTickets tickets, RunDatasetFinder finder, DatasetLines lines, TenantSecretMask mask) {
    this.tickets = tickets;
    this.finder = finder;
    this.lines = lines;
    this.mask = mask;
  }

  /** The link for a ticket: the ticket goes in the query, URL-encoded. */
  static String link(UUID runId, String dataset, String ticket) {
    return "/downloads/runs/"
        + runId
        + "/datasets/"
        + URLEncoder.encode(dataset, StandardCharsets.UTF_8).replace("+", "%20")
        + "?ticket="
        + URLEncoder.encode(ticket, StandardCharsets.UTF_8);
  }

  @GET
  @Produces({"application/jsonl", "text/csv", MediaType.APPLICATION_JSON})
  public Response download(
      @PathParam("id") String id,
      @PathParam("dataset") String dataset,
      @QueryParam("ticket") String ticket) {
    UUID runId =
        Params.uuid(id).orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
    return switch (tickets.redeem(ticket, runId, dataset)) {
      case DownloadTickets.Granted granted -> {
        DownloadTickets.Grant grant = granted.grant();
        yield DatasetFile.of(
            lines,
            finder.stored(grant.tenantId(), id, dataset),
            dataset,
            grant.format(),
            mask.of(grant.tenantId()));
      }
      case DownloadTickets.Refused refused -> refusal(refused.refusal());
    };
  }

  private static Response refusal(DownloadTickets.Refusal refusal) {
    return switch (refusal) {
      case UNKNOWN -> refused(Response.Status.UNAUTHORIZED, "is not valid");
      case USED -> refused(Response.Status.UNAUTHORIZED, "was used already");
      case EXPIRED -> refused(Response.Status.UNAUTHORIZED, "has expired");
      case OTHER_DATASET -> refused(Response.Status.FORBIDDEN, "is for another dataset");
    };
  }

  private static Response refused(Response.Status status, String why) {
    return ApiExceptionMappers.json(
        status,
        ApiError.of(
            status == Response.Status.FORBIDDEN ? "forbidden" : "unauthorized",
            "This download link "
                + why
                + ". Ask for a new download from the run page (a link works once, within a"
                + " minute)."));
  }
}
