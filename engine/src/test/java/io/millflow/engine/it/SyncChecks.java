package io.millflow.engine.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads of a sync's run and of the warehouse it wrote, shared by the crash tests. */
final class SyncChecks {

  private SyncChecks() {}

  /** The newest attempt at the read step ({@code ReadOrders}), or null before it starts. */
  static JsonNode readAttempt(RuntimeProcess instance, String runId) throws Exception {
    List<JsonNode> reads =
        steps(instance.api("GET", "/api/runs/" + runId, null, null, 200)).stream()
            .filter(s -> s.get("elementId").asText().equals("ReadOrders"))
            .toList();
    return reads.isEmpty() ? null : reads.getLast();
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
