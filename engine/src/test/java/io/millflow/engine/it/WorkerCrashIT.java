package io.millflow.engine.it;

import static io.millflow.engine.it.SyncChecks.awaitRunningPast;
import static io.millflow.engine.it.SyncChecks.newestSettledChange;
import static io.millflow.engine.it.SyncChecks.readAttempt;
import static io.millflow.engine.it.SyncChecks.single;
import static io.millflow.engine.it.SyncChecks.startRun;
import static io.millflow.engine.it.SyncChecks.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of the instance that holds the read task of a big sync, on either engine: after the lock
 * (job timeout) runs out the engine hands the task to the other instance, the sync completes, the
 * warehouse has every row exactly once and the cursor is where the data ends. Size: {@value
 * #ORDERS} purchase orders of {@value #LINES} lines, 200,000 warehouse rows (the sandbox makes one
 * HTTP call per order for its lines, so 200,000 orders would take the read alone past this
 * machine's time budget).
 */
class WorkerCrashIT {

  private static final int ORDERS = Integer.getInteger("crash.orders", 20_000);
  private static final int LINES = 9;
  private static final String FLOW = "crash-po-sync";

  @TempDir Path work;

  @ParameterizedTest
  @EnumSource(Cluster.Engine.class)
  void aSyncWhoseWorkerIsKilledMidReadCompletesOnTheOtherInstanceWithEveryRowOnceAndTheCursorRight(
      Cluster.Engine engine) throws Exception {
    PlexSandboxConfig plex =
        PlexSandboxConfig.defaults()
            .withPurchaseOrders(ORDERS)
            .withLinesPerOrder(LINES)
            .withoutRateLimit();
    try (Cluster cluster =
        Cluster.start(engine, work, 2, plex, Map.of("millflow.zeebe.job-timeout", "PT20S"))) {
      RuntimeProcess a = cluster.instance(0);
      a.api("POST", "/api/flows", "application/xml", ClusterFlows.purchaseOrderSync(FLOW), 201);
      String runId = startRun(a, FLOW);

      JsonNode reading =
          awaitRunningPast(
              a, runId, "ReadOrders", ORDERS / 4, Duration.ofSeconds(90), cluster::logs);
      String victimName = reading.get("worker").asText();
      RuntimeProcess victim =
          cluster.instances().stream()
              .filter(i -> i.name().equals(victimName))
              .findFirst()
              .orElseThrow(() -> new AssertionError("No instance named " + victimName));
      RuntimeProcess survivor = victim == a ? cluster.instance(1) : a;
      victim.kill();

      JsonNode run =
          Await.until(
              "the run to complete on " + survivor.name(),
              Duration.ofSeconds(150),
              () -> survivor.api("GET", "/api/runs/" + runId, null, null, 200),
              r -> !r.at("/run/status").asText().equals("running"),
              cluster::logs);
      assertThat(run.at("/run/status").asText())
          .as("%s\n%s", run, cluster.logs())
          .isEqualTo("completed");

      List<JsonNode> attempts = steps(run);
      List<JsonNode> reads =
          attempts.stream().filter(s -> s.get("elementId").asText().equals("ReadOrders")).toList();
      assertThat(reads).as("read attempts: %s", reads).hasSize(2);
      assertThat(reads.get(0).get("status").asText()).isEqualTo("abandoned");
      assertThat(reads.get(0).get("worker").asText()).isEqualTo(victimName);
      assertThat(reads.get(0).get("error").asText()).contains(victimName, survivor.name());
      assertThat(reads.get(1).get("status").asText()).isEqualTo("completed");
      assertThat(reads.get(1).get("worker").asText()).isEqualTo(survivor.name());
      for (JsonNode step : attempts.subList(1, attempts.size())) {
        assertThat(step.get("status").asText()).as("%s", step).isEqualTo("completed");
        assertThat(step.get("worker").asText()).isEqualTo(survivor.name());
      }
      // Each step passed on exactly the orders there are: the killed attempt left nothing in the
      // datasets.
      assertThat(attempts)
          .extracting(s -> s.get("elementId").asText())
          .containsExactly("ReadOrders", "ReadOrders", "ToUnified", "WriteOrders");
      assertThat(reads.get(1).get("recordsOut").asLong()).isEqualTo(ORDERS);
      assertThat(attempts.get(2).get("recordsIn").asLong()).isEqualTo(ORDERS);
      assertThat(attempts.get(2).get("recordsOut").asLong()).isEqualTo(ORDERS);
      assertThat(attempts.get(3).get("recordsIn").asLong()).isEqualTo(ORDERS);

      try (Connection warehouse = cluster.warehouse();
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
        JsonNode cursors =
            survivor.api("GET", "/api/flows/" + FLOW + "/sync-state", null, null, 200);
        assertThat(cursors).as("cursors: %s", cursors).hasSize(1);
        assertThat(cursors.get(0).get("elementId").asText()).isEqualTo("ReadOrders");
        assertThat(cursors.get(0).get("connection").asText()).isEqualTo(Cluster.PLEX);
        assertThat(cursors.get(0).get("runId").asText()).isEqualTo(runId);
        // PostgreSQL keeps microseconds; the cursor keeps what Plex sent.
        assertThat(java.time.Instant.parse(cursors.get(0).get("cursor").asText()))
            .as("the cursor is the newest change the sync wrote, older than the boundary margin")
            .isCloseTo(
                newestSettledChange(sql, readAttempt(survivor, runId)),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MICROS));
      }
    }
  }
}
