package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The shipped flow warehouse-vendors-to-netsuite end to end: the embedded PostgreSQL's warehouse
 * holds the vendors, the NetSuite sandbox receives them. The dry run gates the write: vendors it
 * would create are upserted once (a second run writes no second vendor), and a vendor NetSuite
 * would refuse stops the whole write before anything is sent.
 */
@QuarkusTest
class WarehouseVendorsToNetSuiteFlowTest {

  private static final String FLOW = "warehouse-vendors-to-netsuite";

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandboxes;

  @Test
  void upsertsTheWarehouseVendorsOnceWhenTheDryRunRefusesNone() {
    sandboxes.start();
    NetSuiteSandbox netsuite = sandboxes.running(NetSuiteSandbox.class).orElseThrow();
    Jdbi warehouse = FlowTestSupport.warehouse(connections, "default");
    vendors(warehouse, List.of("WV-1", "WV-2", "WV-3"), true);
    long before = netsuite.writtenRecords("vendor");

    JsonPath first = awaitRunEnd(startRun(FLOW));
    JsonPath second = awaitRunEnd(startRun(FLOW));

    assertThat(first.getString("run.status")).as(first.prettify()).isEqualTo("completed");
    assertThat(second.getString("run.status")).as(second.prettify()).isEqualTo("completed");
    assertThat(completedSteps(first))
        .containsExactly("ReadVendors", "ToVendors", "DryRun", "Upsert");
    assertThat(netsuite.writtenRecords("vendor")).isEqualTo(before + 3);
    assertThat(
            netsuite.writtenRecord("vendor", "eid:WV-2").orElseThrow().path("companyName").asText())
        .isEqualTo("Vendor WV-2");
    // the second run's dry run finds every vendor unchanged: nothing to write, the gate ends it
    assertThat(completedSteps(second)).containsExactly("ReadVendors", "ToVendors", "DryRun");
  }

  @Test
  void aVendorTheDryRunRefusesStopsTheWholeWrite() {
    sandboxes.start();
    NetSuiteSandbox netsuite = sandboxes.running(NetSuiteSandbox.class).orElseThrow();
    Jdbi warehouse = FlowTestSupport.warehouse(connections, "default");
    vendors(warehouse, List.of("WX-1", "WX-2"), false); // WX-2 without a company name
    long before = netsuite.writtenRecords("vendor");

    JsonPath run = awaitRunEnd(startRun(FLOW));

    assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
    assertThat(completedSteps(run)).containsExactly("ReadVendors", "ToVendors", "DryRun");
    assertThat(netsuite.writtenRecords("vendor")).isEqualTo(before);
    assertThat(netsuite.writtenRecord("vendor", "eid:WX-1")).isEmpty();
  }

  /** Replaces table warehouse_vendor with {@code keys}; without names, the last has none. */
  private static void vendors(Jdbi warehouse, List<String> keys, boolean allNamed) {
    warehouse.useHandle(
        h -> {
          h.execute(
              "create table if not exists warehouse_vendor (vendor_key text primary key,"
                  + " vendor_code text, company_name text, email text, phone text, active"
                  + " boolean)");
          h.execute("delete from warehouse_vendor");
          for (String key : keys) {
            boolean named = allNamed || !key.equals(keys.getLast());
            h.createUpdate(
                    "insert into warehouse_vendor values (:key, :code, :name, :email, null, true)")
                .bind("key", key)
                .bind("code", key)
                .bind("name", named ? "Vendor " + key : null)
                .bind("email", key.toLowerCase() + "@example.com")
                .execute();
          }
        });
  }

  private static List<String> completedSteps(JsonPath run) {
    List<Map<String, Object>> steps = run.getList("steps.step");
    return steps.stream()
        .filter(step -> "completed".equals(step.get("status")))
        .map(step -> (String) step.get("elementId"))
        .toList();
  }
}
