package io.millflow.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.engine.access.Access;
import io.millflow.engine.access.CurrentCaller;
import io.millflow.engine.access.Role;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.dataset.DatasetCsv;
import io.millflow.engine.dataset.DatasetLines;
import io.millflow.engine.dataset.DatasetLookup;
import io.millflow.engine.dataset.RunDataset;
import io.millflow.engine.dataset.RunDatasets;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.run.Redaction;
import io.millflow.engine.run.TenantSecretMask;
import io.millflow.step.Json;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

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

  /** The first records of one dataset, and how many it holds in all. */
  public record DatasetPreview(
      String dataset, String entity, long records, int shown, List<JsonNode> items) {}

  /** A dataset retention has deleted: answered 410 with what to do. */
  static final class DatasetExpired extends RuntimeException {
    DatasetExpired(String message) {
      super(message);
    }
  }

  private final RunDatasets datasets;
  private final DatasetLines lines;
  private final TenantSecretMask mask;
  private final RunHistory history;
  private final CurrentCaller caller;
  private final MillflowConfig config;

  public RunDatasetsResource(
      RunDatasets datasets,
      DatasetLines lines,
      TenantSecretMask mask,
      RunHistory history,
      CurrentCaller caller,
      MillflowConfig config) {
    this.datasets = datasets;
    this.lines = lines;
    this.mask = mask;
    this.history = history;
    this.caller = caller;
    this.config = config;
  }

  /** The datasets the run's completed step attempts read and wrote, with their record counts. */
  @GET
  public List<RunDataset> list(@PathParam("id") String id) {
    return datasets.of(caller.tenantId(), runId(id));
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
    DatasetLookup.Stored stored = stored(id, dataset);
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
    if (!format.equals("jsonl") && !format.equals("csv")) {
      throw new BadRequestException("Query parameter 'format' must be jsonl or csv");
    }
    DatasetLookup.Stored stored = stored(id, dataset);
    Redaction redaction = mask.of(caller.tenantId());
    StreamingOutput body =
        output -> {
          Writer out =
              new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
          if (format.equals("csv")) {
            DatasetCsv.write(
                visitor -> lines.forEach(stored.id(), line -> visitor.visit(redaction.apply(line))),
                out);
          } else {
            lines.forEach(
                stored.id(),
                line -> {
                  out.write(redaction.apply(line));
                  out.write('\n');
                  return true;
                });
          }
          out.flush();
        };
    String file = stored.entity() + "-" + dataset + "." + format;
    return Response.ok(body)
        .type(format.equals("csv") ? "text/csv; charset=utf-8" : "application/jsonl; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .header("X-Record-Count", stored.records())
        .build();
  }

  @ServerExceptionMapper
  public Response expired(DatasetExpired e) {
    return ApiExceptionMappers.json(Response.Status.GONE, ApiError.of("gone", e.getMessage()));
  }

  private UUID runId(String id) {
    return Params.uuid(id)
        .filter(run -> history.findRun(caller.tenantId(), run).isPresent())
        .orElseThrow(() -> new NotFoundException("No run with id '" + id + "'"));
  }

  private DatasetLookup.Stored stored(String id, String dataset) {
    UUID run = runId(id);
    return switch (datasets.find(caller.tenantId(), run, dataset)) {
      case DatasetLookup.Stored stored -> stored;
      case DatasetLookup.Expired expired ->
          throw new DatasetExpired(
              "Dataset "
                  + expired.dataset()
                  + " of run "
                  + id
                  + " is no longer kept: datasets are deleted "
                  + config.datasets().retention()
                  + " after their run ends (millflow.datasets.retention). The run's ledger still"
                  + " has its counts; run the flow again to see records.");
      case DatasetLookup.Unknown unknown ->
          throw new NotFoundException(
              "Run "
                  + id
                  + " has no dataset '"
                  + unknown.dataset()
                  + "' read or written by a step");
    };
  }
}
