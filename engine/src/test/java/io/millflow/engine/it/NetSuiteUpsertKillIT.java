package io.millflow.engine.it;

import static io.millflow.engine.it.SyncChecks.awaitRunningPast;
import static io.millflow.engine.it.SyncChecks.startRun;
import static io.millflow.engine.it.SyncChecks.steps;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the packaged runtime in the middle of the shipped flow
 * warehouse-vendors-to-netsuite upserting 5,000 vendors, then a start on the same data directory:
 * the run resumes and completes with exactly 5,000 vendors in NetSuite, each upserted once. The
 * NetSuite sandbox runs in this JVM, so what it holds outlives the runtime; the resumed upsert
 * sends the same idempotency keys (same task, same place in the dataset), so NetSuite runs no
 * request twice.
 */
class NetSuiteUpsertKillIT {

  private static final int VENDORS = Integer.getInteger("kill.vendors", 5_000);
  private static final String FLOW = "kill-vendors-to-netsuite";
  private static final String CONNECTION = "netsuite-outside";
  private static final String ADMIN_TOKEN = "mf_it-admin-" + UUID.randomUUID();

  @TempDir Path work;

  @Test
  void anUpsertKilledMidwayResumesAfterARestartWithEveryVendorWrittenOnce() throws Exception {
    Path data = work.resolve("data");
    Map<String, String> properties =
        Map.of("millflow.zeebe.job-timeout", "PT15S", "millflow.outbound.allow-hosts", "127.0.0.1");
    try (NetSuiteSandbox netsuite =
        new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(10)).start(0)) {
      netsuite.faults().latency(Duration.ofMillis(5)); // long enough an upsert to kill it midway
      String runId;
      try (RuntimeProcess first = RuntimeProcess.start(data, "first", properties, ADMIN_TOKEN)) {
        seedVendors(data);
        connect(first, netsuite);
        first.api("POST", "/api/flows", "application/xml", flow(), 201);
        runId = startRun(first, FLOW);
        awaitRunningPast(
            first, runId, "Upsert", VENDORS / 5, Duration.ofSeconds(180), () -> first.logTail(40));
        first.kill();
      }
      long writtenAtKill = netsuite.writtenRecords("vendor");

      try (RuntimeProcess second = RuntimeProcess.start(data, "second", properties, ADMIN_TOKEN)) {
        JsonNode run =
            Await.until(
                "the same run to complete after the restart",
                Duration.ofSeconds(240),
                () -> second.api("GET", "/api/runs/" + runId, null, null, 200),
                r -> !r.at("/run/status").asText().equals("running"),
                () -> second.logTail(60));
        assertThat(run.at("/run/status").asText()).as("%s", run).isEqualTo("completed");
        assertThat(steps(run))
            .extracting(s -> s.get("elementId").asText())
            .containsExactly("ReadVendors", "ToVendors", "DryRun", "Upsert", "Upsert");
      }
      assertThat(writtenAtKill).isBetween(1L, VENDORS - 1L);
      assertThat(netsuite.writtenRecords("vendor")).isEqualTo(VENDORS);
      assertThat(netsuite.asyncRequestsRun()).as("upserts NetSuite ran").isEqualTo(VENDORS);
      for (int i = 0; i < VENDORS; i += 499) {
        assertThat(netsuite.writtenRecord("vendor", "eid:" + key(i))).isPresent();
      }
    }
  }

  /** The shipped flow under its own id, upserting through the connection to this JVM's sandbox. */
  private static String flow() throws Exception {
    return Files.readString(Path.of("../flow-definitions/flows/warehouse-vendors-to-netsuite.bpmn"))
        .replace("warehouse-vendors-to-netsuite", FLOW)
        .replace("source=\"netsuite-sandbox\"", "source=\"" + CONNECTION + "\"");
  }

  private static void connect(RuntimeProcess runtime, NetSuiteSandbox netsuite) throws Exception {
    ObjectNode connection = Json.mapper().createObjectNode().put("type", "netsuite");
    connection.set("settings", Json.mapper().valueToTree(netsuite.settings()));
    connection.set("credentials", Json.mapper().valueToTree(netsuite.tbaCredentials()));
    assertThat(
            runtime
                .request(
                    "PUT",
                    "/api/connections/" + CONNECTION,
                    "application/json",
                    connection.toString())
                .statusCode())
        .isBetween(200, 201);
  }

  private static void seedVendors(Path data) throws Exception {
    try (Connection warehouse = EmbeddedRestartIT.warehouse(data);
        Statement sql = warehouse.createStatement()) {
      sql.execute(
          "create table warehouse_vendor (vendor_key text primary key, vendor_code text,"
              + " company_name text, email text, phone text, active boolean)");
      try (PreparedStatement insert =
          warehouse.prepareStatement(
              "insert into warehouse_vendor values (?, ?, ?, ?, '+1 616 555 0100', true)")) {
        for (int i = 0; i < VENDORS; i++) {
          insert.setString(1, key(i));
          insert.setString(2, "KV" + i);
          insert.setString(3, "Vendor " + i);
          insert.setString(4, "buyer" + i + "@vendor.example");
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  private static String key(int i) {
    return "KILL-" + i;
  }
}
