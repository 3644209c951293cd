package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.plex.HttpPlexClientFactory;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The shipped flow receipts-to-plex end to end: the embedded PostgreSQL's warehouse holds the goods
 * received, the Plex sandbox receives the receipts. The dry run gates the write: receipts it would
 * create are created once (a second run creates none), and a receipt Plex would refuse stops the
 * whole write. (Its flow test file waits for the flow-test format to fill a table first.)
 */
@QuarkusTest
class ReceiptsToPlexFlowTest {

  private static final String FLOW = "receipts-to-plex";

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandboxes;

  @Test
  void createsEachReceiptOnceWhenTheDryRunRefusesNone() {
    sandboxes.start();
    PlexSandbox plex = sandboxes.running(PlexSandbox.class).orElseThrow();
    String supplier = aSupplierId(plex);
    String batch = "GR-" + UUID.randomUUID().toString().substring(0, 6);
    receipts(List.of(batch + "-1", batch + "-2"), supplier);
    int before = plex.receiptsCreated();

    JsonPath first = awaitRunEnd(startRun(FLOW));
    JsonPath second = awaitRunEnd(startRun(FLOW));

    assertThat(first.getString("run.status")).as(first.prettify()).isEqualTo("completed");
    assertThat(completedSteps(first))
        .containsExactly("ReadReceipts", "ToReceipts", "DryRun", "CreateReceipts");
    assertThat(plex.receiptsCreated()).isEqualTo(before + 2);
    // the second run's dry run finds both in Plex already: nothing to create, the gate ends it
    assertThat(second.getString("run.status")).as(second.prettify()).isEqualTo("completed");
    assertThat(completedSteps(second)).containsExactly("ReadReceipts", "ToReceipts", "DryRun");
  }

  @Test
  void aReceiptTheDryRunRefusesStopsTheWholeWrite() {
    sandboxes.start();
    PlexSandbox plex = sandboxes.running(PlexSandbox.class).orElseThrow();
    String batch = "GX-" + UUID.randomUUID().toString().substring(0, 6);
    receipts(List.of(batch + "-1"), aSupplierId(plex));
    jdbi()
        .useHandle(
            h -> h.execute("insert into warehouse_receipt values (?, null, now())", batch + "-2"));
    int before = plex.receiptsCreated();

    JsonPath run = awaitRunEnd(startRun(FLOW));

    assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
    assertThat(completedSteps(run)).containsExactly("ReadReceipts", "ToReceipts", "DryRun");
    assertThat(plex.receiptsCreated()).isEqualTo(before);
  }

  private static String aSupplierId(PlexSandbox plex) {
    return new HttpPlexClientFactory()
        .forConnection(plex.connection("suppliers"))
        .records(PlexResource.SUPPLIERS, List.of())
        .getFirst()
        .get("id")
        .asText();
  }

  private Jdbi jdbi() {
    return FlowTestSupport.warehouse(connections, "default");
  }

  /** Replaces table warehouse_receipt with receipts of {@code codes} from {@code supplierId}. */
  private void receipts(List<String> codes, String supplierId) {
    jdbi()
        .useHandle(
            h -> {
              h.execute(
                  "create table if not exists warehouse_receipt (receipt_code text primary key,"
                      + " plex_supplier_id text, received_at timestamptz)");
              h.execute("delete from warehouse_receipt");
              for (String code : codes) {
                h.execute("insert into warehouse_receipt values (?, ?, now())", code, supplierId);
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
