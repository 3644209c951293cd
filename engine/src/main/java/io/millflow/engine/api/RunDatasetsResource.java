package io.millflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.engine.access.Access;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.dataset.DatasetLines;
import io.millflow.engine.dataset.DatasetLookup;
import io.millflow.engine.dataset.DownloadTickets;
import io.millflow.engine.dataset.RunDataset;
import io.millflow.engine.dataset.RunDatasets;
import io.millflow.engine.run.Redaction;
import io.millflow.engine.run.TenantSecretMask;
import io.millflow.step.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The records a run's steps read and wrote: the datasets of a run, the first records of one, and a
 * download of all of it as JSON lines or CSV, streamed chunk by chunk. Every text the tenant's
 * secrets or connection credentials could be in is masked before it leaves.
 */
@Path("/api/runs/{id}/datasets")
@Produces(MediaType.APPLICATION_JSON)
@Access(Role.VIEWER)
public class RunDatasetsResource {

  private static final ObjectMapper MAPPER = Json.mapper();
  private static final int MAX_PREVIEW = 1000;

  /**
   * A one-time link to download a whole dataset without the token ({@code url}, relative to the
   * runtime), valid until {@code expiresAt}.
   */
  public record DownloadLink(String url, java.time.Instant expiresAt) {}

  /** The first records of one dataset, and how many it holds in all. */
  public record DatasetPreview(
      String dataset, String entity, long records, int shown, List<JsonNode> items) {}

  private final RunDatasets datasets;
  private final DatasetLines lines;
  private final TenantSecretMask mask;
  private final RunDatasetFinder finder;
  private final CurrentCaller caller;
  private final DownloadTickets tickets;

  public RunDatasetsResource(
      RunDatasets datasets,
      DatasetLines lines,
      TenantSecretMask mask,
      RunDatasetFinder finder,
      CurrentCaller caller,
      DownloadTickets tickets) {
    this.datasets = datasets;
    this.lines = lines;
    this.mask = mask;
    this.finder = finder;
    this.caller = caller;
    this.tickets = tickets;
  }

  /** The datasets the run's completed step attempts read and wrote, with their record counts. */
  @GET
  public List<RunDataset> list(@PathParam("id") String id) {
    return datasets.of(caller.tenantId(), finder.runId(caller.tenantId(), id));
  }

  /** The first {@code limit} records of one dataset (100 unless asked; at most 1000). */
  @GET
  @Path("/{dataset}")
  public DatasetPreview preview(
      @PathParam("id") String id,
      @PathParam("dataset") String dataset,
      @QueryParam("limit") @DefaultValue("100") int limit)
      throws IOException {
    if (limit < 1 || limit > MAX_PREVIEW) {
      throw new BadRequestException("Query parameter 'limit' must be between 1 and " + MAX_PREVIEW);
    }
    DatasetLookup.Stored stored = finder.stored(caller.tenantId(), id, dataset);
    Redaction redaction = mask.of(caller.tenantId());
    List<JsonNode> items = new ArrayList<>();
    lines.forEach(
        stored.id(),
        line -> {
          items.add(MAPPER.readTree(redaction.apply(line)));
          return items.size() < limit;
        });
    return new DatasetPreview(dataset, stored.entity(), stored.records(), items.size(), items);
  }

  /**
   * The whole dataset, streamed: {@code format} {@code jsonl} (one record a line) or {@code csv}.
   */
  @GET
  @Path("/{dataset}/download")
  @Produces({"application/jsonl", "text/csv", MediaType.APPLICATION_JSON})
  public Response download(
      @PathParam("id") String id,
      @PathParam("dataset") String dataset,
      @QueryParam("format") @DefaultValue("jsonl") String format) {
    String chosen = DatasetFile.format(format);
    String tenantId = caller.tenantId();
    return DatasetFile.of(
        lines, finder.stored(tenantId, id, dataset), dataset, chosen, mask.of(tenantId));
  }

  /**
   * A link the browser downloads the whole dataset from by itself, without the token: one use,
   * within {@value DownloadTickets#VALID_SECONDS} seconds, for this dataset of this run only.
   */
  @POST
  @Path("/{dataset}/download-link")
  public DownloadLink downloadLink(
      @PathParam("id") String id,
      @PathParam("dataset") String dataset,
      @QueryParam("format") @DefaultValue("jsonl") String format) {
    String chosen = DatasetFile.format(format);
    String tenantId = caller.tenantId();
    UUID runId = finder.runId(tenantId, id);
    finder.stored(tenantId, id, dataset);
    DownloadTickets.Ticket ticket = tickets.issue(tenantId, runId, dataset, chosen);
    return new DownloadLink(
        DatasetDownloadResource.link(runId, dataset, ticket.value()), ticket.expiresAt());
  }
}
