package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * Runs a data source of Plex's legacy Data Source API (how custom tables and fields are reached)
 * and writes its rows, one record per row keyed by column name, to a {@code plex.datasource.<id>}
 * dataset (or the entity given).
 *
 * <p>The inputs are checked against the data source's description first ({@code GET
 * /api/datasources/{id}}): an unknown or miscased name, a missing required input or a value of the
 * wrong type fails by name before Plex runs anything. When Plex cuts the answer off at its row
 * limit ({@code rowLimitedExceeded}), the step fails with {@code DATA_SOURCE_ROW_LIMIT_EXCEEDED}
 * unless {@code allowTruncated} is set, in which case it logs a warning and says so in its result:
 * rows are never lost silently.
 */
@Singleton
@StepType(
    id = "plex.datasource.execute",
    name = "Run a Plex data source",
    group = "Sources",
    timeoutSeconds = 600,
    description =
        "Runs a Plex Data Source API data source (custom tables and fields) and writes its rows.")
public final class PlexDataSourceExecute
    implements Step<PlexDataSourceExecute.Input, PlexDataSourceExecute.Result> {

  public record Input(
      @Param(
              label = "Connection",
              description = "A Plex connection with dataSourceBaseUrl, username and password")
          @NotBlank
          String connection,
      @Param(label = "Data source id", description = "The number in Plex's Data Source list")
          @NotBlank
          @Pattern(regexp = "\\d+")
          String dataSourceId,
      @Param(
              label = "Inputs",
              description = "By exact (case-sensitive) name, e.g. ={Part_No: \"1234\"}")
          Map<String, Object> inputs,
      @Param(
              label = "Accept a truncated answer",
              choices = {"false", "true"},
              defaultValue = "false",
              description =
                  "When Plex hits its row limit: keep the rows it sent instead of failing")
          Boolean allowTruncated,
      @Param(
              label = "Entity",
              description = "What the rows are, for later steps. Empty: plex.datasource.<id>")
          String entity) {}

  /**
   * @param rowLimitExceeded Plex had more rows than it sent (only when {@code allowTruncated})
   * @param outputs the data source's output parameters
   */
  public record Result(
      DatasetRef records,
      boolean rowLimitExceeded,
      String transactionNo,
      Map<String, Object> outputs) {}

  private final HttpPlexDataSources dataSources;

  @Inject
  public PlexDataSourceExecute(HttpPlexDataSources dataSources) {
    this.dataSources = dataSources;
  }

  public PlexDataSourceExecute() {
    this(new HttpPlexDataSources());
  }

  @Override
  public Result run(Input input, StepContext context) {
    PlexDataSourceSettings settings =
        PlexDataSourceSettings.of(
            input.connection(), PlexSteps.connection(context, input.connection()));
    String id = input.dataSourceId().strip();
    Map<String, Object> inputs = input.inputs() == null ? Map.of() : input.inputs();
    DataSourceInputs.check(dataSources.describe(settings, id), id, inputs);
    JsonNode answer = dataSources.execute(settings, id, inputs);
    boolean truncated = answer.path("rowLimitedExceeded").asBoolean(false);
    String entity =
        input.entity() == null || input.entity().isBlank()
            ? "plex.datasource." + id
            : input.entity();
    try (DatasetWriter out = context.datasets().create(entity)) {
      for (JsonNode table : answer.path("tables")) {
        table.path("rows").forEach(row -> out.add(record(row, table.path("columns"))));
      }
      if (truncated && !Boolean.TRUE.equals(input.allowTruncated())) {
        throw new StepFailure(
            "DATA_SOURCE_ROW_LIMIT_EXCEEDED",
            "Data source "
                + id
                + " has more rows than Plex"
                + " returns at once; it sent "
                + out.count()
                + " (transaction "
                + answer.path("transactionNo").asText()
                + "). Narrow its inputs (a shorter period, one part) and run it in parts, or set allowTruncated to accept"
                + " the first "
                + out.count()
                + " rows.");
      }
      if (truncated) {
        context
            .log()
            .warn(
                "Data source "
                    + id
                    + " hit Plex's row limit: kept the first "
                    + out.count()
                    + " rows, the rest are missing (allowTruncated)");
      }
      DatasetRef ref = out.finish();
      context
          .log()
          .info(
              "Data source "
                  + id
                  + " returned "
                  + ref.count()
                  + " rows (transaction "
                  + answer.path("transactionNo").asText()
                  + ")");
      return new Result(
          ref,
          truncated,
          answer.path("transactionNo").asText(null),
          outputs(answer.path("outputs")));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> outputs(JsonNode outputs) {
    return outputs.isObject() ? Json.mapper().convertValue(outputs, Map.class) : Map.of();
  }

  /**
   * A row as an object: as sent with {@code format=2}, or zipped with the columns when it is an
   * array.
   */
  private static JsonNode record(JsonNode row, JsonNode columns) {
    if (!row.isArray()) {
      return row;
    }
    ObjectNode record = Json.mapper().createObjectNode();
    for (int i = 0; i < row.size(); i++) {
      record.set(columns.path(i).asText("column" + (i + 1)), row.get(i));
    }
    return record;
  }
}
