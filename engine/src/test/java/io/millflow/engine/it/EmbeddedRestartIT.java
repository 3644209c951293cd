package io.millflow.engine.it;

import static io.millflow.engine.it.SyncChecks.awaitRunningPast;
import static io.millflow.engine.it.SyncChecks.newestSettledChange;
import static io.millflow.engine.it.SyncChecks.readAttempt;
import static io.millflow.engine.it.SyncChecks.single;
import static io.millflow.engine.it.SyncChecks.startRun;
import static io.millflow.engine.it.SyncChecks.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default mode is durable: {@code kill -9} of the runtime in the middle of a 200,000-row sync,
 * then a start on the same data directory (embedded PostgreSQL and Operaton), and the same run
 * resumes by itself and completes, with every row written once and the cursor where the data ends;
 * the history shows the abandoned attempt and the resumed one.
 */
class EmbeddedRestartIT {

  private static final int ORDERS = Integer.getInteger("crash.orders", 20_000);
  private static final int LINES = 9;
  private static final String FLOW = "restart-po-sync";
  private static final String ADMIN_TOKEN = "mf_it-admin-" + UUID.randomUUID();

  @TempDir Path work;

  @Test
  void aSyncKilledMidReadResumesAfterARestartWithEveryRowOnceAndTheCursorRight() throws Exception {
    Path data = work.resolve("data");
    Map<String, String> properties =
        Map.of(
            "millflow.sandbox.plex-purchase-orders",
            String.valueOf(ORDERS),
            "millflow.sandbox.plex-lines-per-order",
            String.valueOf(LINES),
            "millflow.sandbox.plex-rate-limit-per-minute",
            "0",
            "millflow.zeebe.job-timeout",
            "PT15S");
    String runId;
    try (RuntimeProcess first = RuntimeProcess.start(data, "first", properties, ADMIN_TOKEN)) {
      // The flow reads plex-sandbox and writes warehouse: here the runtime's own sandbox
      // connections.
      first.api("POST", "/api/flows", "application/xml", ClusterFlows.purchaseOrderSync(FLOW), 201);
      runId = startRun(first, FLOW);
      awaitRunningPast(
          first, runId, "ReadOrders", ORDERS / 4, Duration.ofSeconds(120), () -> first.logTail(40));
      first.kill();
    }

    try (RuntimeProcess second = RuntimeProcess.start(data, "second", properties, ADMIN_TOKEN)) {
      JsonNode run =
          Await.until(
              "the same run to complete after the restart",
              Duration.ofSeconds(180),
              () -> second.api("GET", "/api/runs/" + runId, null, null, 200),
              r -> !r.at("/run/status").asText().equals("running"),
              () -> second.logTail(60));
      assertThat(run.at("/run/status").asText()).as("%s", run).isEqualTo("completed");

      List<JsonNode> attempts = steps(run);
      assertThat(attempts)
          .extracting(s -> s.get("elementId").asText())
          .containsExactly("ReadOrders", "ReadOrders", "ToUnified", "WriteOrders");
      assertThat(attempts.get(0).get("status").asText()).isEqualTo("abandoned");
      for (JsonNode step : attempts.subList(1, attempts.size())) {
        assertThat(step.get("status").asText()).as("%s", step).isEqualTo("completed");
      }
      assertThat(attempts.get(1).get("recordsOut").asLong()).isEqualTo(ORDERS);
      assertThat(attempts.get(3).get("recordsIn").asLong()).isEqualTo(ORDERS);

      try (Connection warehouse = warehouse(data);
          Statement sql = warehouse.createStatement()) {
        assertThat(single(sql, "select count(*) from purchase_order")).isEqualTo(ORDERS);
        assertThat(single(sql, "select count(distinct source_id) from purchase_order"))
            .isEqualTo(ORDERS);
        assertThat(single(sql, "select count(*) from purchase_order_line"))
            .isEqualTo((long) ORDERS * LINES);
        assertThat(
                single(
                    sql,
                    "select count(*) from (select distinct order_key, line_number from purchase_order_line) l"))
            .isEqualTo((long) ORDERS * LINES);
        JsonNode cursors = second.api("GET", "/api/flows/" + FLOW + "/sync-state", null, null, 200);
        assertThat(cursors).as("cursors: %s", cursors).hasSize(1);
        assertThat(cursors.get(0).get("runId").asText()).isEqualTo(runId);
        assertThat(java.time.Instant.parse(cursors.get(0).get("cursor").asText()))
            .as("the cursor is the newest change the sync wrote, older than the boundary margin")
            .isCloseTo(
                newestSettledChange(sql, readAttempt(second, runId)),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
      }
    }
  }

  /**
   * The embedded server's warehouse database, as its own role (the password Millflow keeps in the
   * data directory).
   */
  static Connection warehouse(Path data) throws Exception {
    List<String> pid = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
    String port = pid.get(3).trim();
    String password = Files.readString(data.resolve("warehouse.password")).trim();
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/warehouse", "warehouse", password);
  }
}
