package io.millflow.engine.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/** Reads of a sync's run and of the warehouse it wrote, shared by the crash tests. */
final class SyncChecks {

  private SyncChecks() {}

  /** The newest attempt at the read step ({@code ReadOrders}), or null before it starts. */
  static JsonNode readAttempt(RuntimeProcess instance, String runId) throws Exception {
    return newestAttempt(instance, runId, "ReadOrders");
  }

  /** The newest attempt at the element, or null before it starts. */
  static JsonNode newestAttempt(RuntimeProcess instance, String runId, String elementId)
      throws Exception {
    List<JsonNode> attempts =
        steps(instance.api("GET", "/api/runs/" + runId, null, null, 200)).stream()
            .filter(s -> s.get("elementId").asText().equals(elementId))
            .toList();
    return attempts.isEmpty() ? null : attempts.getLast();
  }

  /** Starts a run of the flow through the API, with no variables; its id. */
  static String startRun(RuntimeProcess instance, String flowId) throws Exception {
    return instance
        .api(
            "POST", "/api/flows/" + flowId + "/runs", "application/json", "{\"variables\":{}}", 201)
        .get("id")
        .asText();
  }

  /**
   * Waits until the newest attempt at the element is running with at least {@code done} records
   * done (so a kill lands mid-step); that attempt.
   */
  static JsonNode awaitRunningPast(
      RuntimeProcess instance,
      String runId,
      String elementId,
      long done,
      Duration timeout,
      Supplier<String> logs)
      throws Exception {
    return Await.until(
        "step " + elementId + " to be running past " + done + " records",
        timeout,
        () -> newestAttempt(instance, runId, elementId),
        attempt ->
            attempt != null
                && attempt.get("status").asText().equals("running")
                && attempt.path("progressDone").asLong() >= done,
        logs);
  }

  /** The step attempts of a run, in order. */
  static List<JsonNode> steps(JsonNode run) {
    List<JsonNode> steps = new ArrayList<>();
    StreamSupport.stream(run.get("steps").spliterator(), false)
        .forEach(attempt -> steps.add(attempt.get("step")));
    return steps;
  }

  static long single(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The newest source change the sync wrote that was older than the boundary margin when the read
   * that completed ({@code read}, its attempt) started: where the read's cursor stops ({@link
   * io.millflow.step.BoundaryMargin}).
   */
  static Instant newestSettledChange(Statement sql, JsonNode read) throws Exception {
    Instant settleLine =
        Instant.parse(read.get("startedAt").asText())
            .minus(io.millflow.step.BoundaryMargin.DEFAULT);
    try (ResultSet rs =
        sql.executeQuery(
            "select max(source_updated_at) from purchase_order where source_updated_at < '"
                + settleLine
                + "'::timestamptz")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }
}
