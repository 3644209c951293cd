package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.resetSyncState;
import static io.millflow.engine.FlowTestSupport.startRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.Connection;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each flow the runtime ships runs end to end against the sandboxes and a real sink. */
@QuarkusTest
class ShippedFlowsTest {

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandboxes;

  @Test
  void idhammarDowntimeLandsInMongoDbOncePerEventAcrossReruns() {
    sandboxes.start();
    resetSyncState("idhammar-downtime-to-mongodb");

    JsonPath first = awaitRunEnd(startRun("idhammar-downtime-to-mongodb"));
    long read = recordsOut(first, "ReadDowntime");
    JsonPath second = awaitRunEnd(startRun("idhammar-downtime-to-mongodb"));

    assertThat(first.getString("run.status")).isEqualTo("completed");
    assertThat(second.getString("run.status")).isEqualTo("completed");
    assertThat(read).isPositive();
    assertBalanced(first, "ReadDowntime", "WriteDowntime", read);
    assertBalanced(second, "ReadDowntime", "WriteDowntime", recordsOut(second, "ReadDowntime"));
    Connection mongo = connections.resolve("default", SandboxLauncher.MONGO_CONNECTION);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + mongo.setting("port"))) {
      // One document per event: _id is the event's key, so a re-read event replaces its document,
      // never adds one.
      var collection = client.getDatabase("plant").getCollection("downtime_events");
      assertThat(collection.countDocuments())
          .isGreaterThanOrEqualTo(read)
          .isLessThanOrEqualTo(read + recordsOut(second, "ReadDowntime"));
      assertThat(collection.find().first())
          .containsKeys("assetKey", "startedAt", "reasonCode", "source");
    }
  }

  @Test
  void plexPartsLandInMySqlAsInventoryItems() {
    sandboxes.start();
    Connection mysql = EmbeddedMariaDb.shared().newDatabase("erp-mysql");
    connections.provide(mysql);
    resetSyncState("plex-parts-to-mysql");

    JsonPath run = awaitRunEnd(startRun("plex-parts-to-mysql"));

    assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
    long parts = recordsOut(run, "ReadParts");
    String database = mysql.setting("jdbcUrl").replaceAll(".*/([^/?]+)\\?.*", "$1");
    List<Map<String, Object>> rows =
        EmbeddedMariaDb.shared()
            .jdbi(database)
            .withHandle(
                h ->
                    h.createQuery("select `key`, code, source_system from inventory_item")
                        .mapToMap()
                        .list());
    assertThat(parts).isPositive();
    assertBalanced(run, "ReadParts", "WriteParts", parts);
    assertThat(ledgerOf(run)).containsEntry("inserted", (int) parts);
    assertThat(rows)
        .hasSize((int) parts)
        .allSatisfy(row -> assertThat(row).containsEntry("source_system", "plex"));
  }

  /**
   * Snowflake cannot be reached from here: the shipped flow runs with its sink pointed at
   * PostgreSQL, which proves the NetSuite read and the mapping; connectors/snowflake verifies the
   * Snowflake write against a recording JDBC fake.
   */
  @Test
  void netsuiteVendorsFlowReadsAndMapsVendorsUpToItsWarehouseWrite() {
    sandboxes.start();
    deploy(FlowTestSupport.netsuiteVendorsToWarehouse("netsuite-vendors-to-warehouse"));

    JsonPath run = awaitRunEnd(startRun("netsuite-vendors-to-warehouse"));

    assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
    long vendors = recordsOut(run, "ReadVendors");
    assertThat(vendors).isPositive();
    assertThat(recordsOut(run, "ToUnified")).isEqualTo(vendors);
    assertBalanced(run, "ReadVendors", "WriteVendors", vendors);
  }

  /**
   * The run's one path balances, exactly: every record the source read is in one of the sink's
   * counts (the sandboxes' records all map, so none is rejected or collapsed).
   */
  static void assertBalanced(JsonPath run, String source, String sink, long read) {
    Map<String, Object> path = ledgerOf(run);
    assertThat(path)
        .as(run.prettify())
        .containsEntry("source", source)
        .containsEntry("sink", sink)
        .containsEntry("read", (int) read)
        .containsEntry("mapped", (int) read)
        .containsEntry("rejected", 0)
        .containsEntry("collapsed", 0)
        .containsEntry("gap", 0)
        .containsEntry("balanced", true);
    long accounted =
        List.of("inserted", "updated", "unchanged", "skippedOlder").stream()
            .mapToLong(count -> ((Number) path.get(count)).longValue())
            .sum();
    assertThat(accounted).isEqualTo(read);
  }

  static Map<String, Object> ledgerOf(JsonPath run) {
    List<Map<String, Object>> ledger = run.getList("ledger");
    assertThat(ledger).as(run.prettify()).hasSize(1);
    return ledger.getFirst();
  }

  private static long recordsOut(JsonPath run, String elementId) {
    List<Map<String, Object>> steps = run.getList("steps.step");
    return steps.stream()
        .filter(
            step ->
                elementId.equals(step.get("elementId")) && "completed".equals(step.get("status")))
        .map(step -> ((Number) step.get("recordsOut")).longValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no step " + elementId + " in " + run.prettify()));
  }
}
