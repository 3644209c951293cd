package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.PlexPurchaseOrdersRead.Input;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.step.Batches;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.TestStepContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** De-duplication across windows, with a fake Plex that answers what the real one might. */
class PurchaseOrderWindowReaderTest {

  private static final Instant SINCE = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant UNTIL = Instant.parse("2024-01-03T00:00:00Z");

  private final TestStepContext context =
      new TestStepContext()
          .withConnection(
              new Connection(
                  "plex",
                  "plex",
                  Map.of("baseUrl", "https://connect.plex.com"),
                  Map.of("apiKey", "k")));

  @Test
  void skipsAnOrderPlexReturnsAgainAtAWindowBoundary() {
    // As if modifiedDateEnd were inclusive: the order modified at the boundary comes back in both
    // windows.
    ObjectNode atBoundary = order("a", "2024-01-02T00:00:00.0000000Z");
    FakePlex plex =
        new FakePlex(
            List.of(
                List.of(order("b", "2024-01-01T10:00:00.0000000Z"), atBoundary),
                List.of(atBoundary.deepCopy(), order("c", "2024-01-02T05:00:00.0000000Z"))));

    ReadResult result =
        new PlexPurchaseOrdersRead((name, connection) -> plex).run(input(), context);

    assertThat(ids(result)).containsExactly("b", "a", "c");
    assertThat(result.cursor()).isEqualTo("2024-01-02T05:00:00Z");
  }

  @Test
  void keepsTheNewerVersionOfAnOrderThatChangedDuringTheRead() {
    FakePlex plex =
        new FakePlex(
            List.of(
                List.of(order("a", "2024-01-01T10:00:00.0000000Z")),
                List.of(order("a", "2024-01-02T07:00:00.0000000Z"))));

    ReadResult result =
        new PlexPurchaseOrdersRead((name, connection) -> plex).run(input(), context);

    assertThat(context.datasets().readAll(result.records(), JsonNode.class))
        .extracting(order -> order.get("modifiedDate").asText())
        .containsExactly("2024-01-01T10:00:00.0000000Z", "2024-01-02T07:00:00.0000000Z");
    assertThat(context.logLines())
        .anyMatch(line -> line.contains("changed while it was being read"));
  }

  @Test
  void reportsEachWindowItHasReadOfTheWindowsInTheRange() {
    FakePlex plex = new FakePlex(List.of());

    new PlexPurchaseOrdersRead((name, connection) -> plex).run(input(), context);

    assertThat(context.batchReports())
        .containsExactly(Batches.windows(1, 2), Batches.windows(2, 2));
  }

  private static Input input() {
    return new Input("plex", SINCE, UNTIL, 1, null, true);
  }

  private List<String> ids(ReadResult result) {
    return context.datasets().readAll(result.records(), JsonNode.class).stream()
        .map(order -> order.get("id").asText())
        .toList();
  }

  private static ObjectNode order(String id, String modified) {
    return Json.mapper()
        .createObjectNode()
        .put("id", id)
        .put("modifiedDate", modified)
        .put("lineItemCount", 1);
  }

  /**
   * Answers each purchase-order call with the next prepared window, and one line item per order.
   */
  private static final class FakePlex implements PlexClient {
    private final List<List<ObjectNode>> windows;
    private final List<PurchaseOrderFilter> asked = new ArrayList<>();

    FakePlex(List<List<ObjectNode>> windows) {
      this.windows = windows;
    }

    @Override
    public List<ObjectNode> purchaseOrders(PurchaseOrderFilter filter) {
      asked.add(filter);
      return asked.size() <= windows.size() ? windows.get(asked.size() - 1) : List.of();
    }

    @Override
    public List<ObjectNode> purchaseOrderLineItems(String purchaseOrderId) {
      return List.of(Json.mapper().createObjectNode().put("lineItemNumber", 1));
    }

    @Override
    public List<ObjectNode> releases(List<Map.Entry<String, String>> query) {
      return List.of();
    }

    @Override
    public List<ObjectNode> records(PlexResource resource, List<Map.Entry<String, String>> query) {
      throw new UnsupportedOperationException("a purchase-order read reads no other resource");
    }

    @Override
    public List<ObjectNode> tenants() {
      return List.of();
    }
  }
}
