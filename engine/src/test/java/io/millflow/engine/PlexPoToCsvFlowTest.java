package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.millflow.engine.config.MillflowConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped CSV export: Plex purchase orders, unified, written atomically to the files
 * connection's folder.
 */
@QuarkusTest
class PlexPoToCsvFlowTest {

  @Inject MillflowConfig config;

  @Test
  void exportsEveryPurchaseOrderAsACsvRow() throws Exception {
    FlowTestSupport.resetSyncState("plex-po-to-csv");

    JsonPath run = awaitRunEnd(startRun("plex-po-to-csv"));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    ShippedFlowsTest.assertBalanced(
        run, "ReadOrders", "WriteOrders", config.sandbox().plexPurchaseOrders());
    // A file takes every record as new.
    assertThat(ShippedFlowsTest.ledgerOf(run))
        .containsEntry("inserted", config.sandbox().plexPurchaseOrders());
    Path csv =
        config.dataDir().toAbsolutePath().resolve("files/default/exports/purchase-orders.csv");
    try (MappingIterator<Map<String, String>> rows =
        new CsvMapper()
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(csv.toFile())) {
      List<Map<String, String>> orders = rows.readAll();
      assertThat(orders).hasSize(config.sandbox().plexPurchaseOrders());
      assertThat(orders)
          .allSatisfy(
              order -> {
                assertThat(order.get("key")).isNotBlank();
                assertThat(order.get("orderNumber")).startsWith("PO");
                assertThat(order.get("lines")).startsWith("[{");
              });
    }
  }
}
