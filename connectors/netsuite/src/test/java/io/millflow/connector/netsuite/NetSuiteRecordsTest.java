package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.InventoryItem;
import io.millflow.model.Vendor;
import io.millflow.step.DatasetRef;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.MutableClock;
import io.millflow.step.testing.TestStepContext;
import io.millflow.steps.UnifiedTransform;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vendors and inventory items read and mapped, and records fetched by id, against one sandbox (TBA
 * and M2M).
 */
class NetSuiteRecordsTest {

  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private static NetSuiteSandbox sandbox;
  private final TestStepContext context =
      new TestStepContext()
          .withClock(CLOCK)
          .withConnection(sandbox.connection("netsuite"))
          .withConnection(sandbox.tbaConnection("netsuite-tba"));

  @BeforeAll
  static void start() {
    sandbox =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults()
                    .withPurchaseOrders(40)
                    .withVendors(120)
                    .withItems(230)
                    .withClock(CLOCK))
            .start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void readsAndMapsEveryVendor() {
    ReadResult read =
        new NetSuiteVendorsRead(NetSuiteTesting.clients(CLOCK))
            .run(new SuiteQlReadInput("netsuite-tba", null, null, 50), context);

    List<Vendor> vendors =
        context.datasets().readAll(map(read.records(), new NetSuiteVendorMapper()), Vendor.class);
    assertThat(vendors)
        .hasSize(120)
        .allSatisfy(
            vendor -> {
              assertThat(vendor.name()).isNotBlank();
              assertThat(vendor.updatedAt()).isNotNull();
              assertThat(vendor.currency()).isNotBlank();
            });
    assertThat(vendors.stream().map(Vendor::key).distinct()).hasSize(120);
  }

  @Test
  void readsAndMapsEveryInventoryItem() {
    ReadResult read =
        new NetSuiteInventoryItemsRead(NetSuiteTesting.clients(CLOCK))
            .run(new SuiteQlReadInput("netsuite", null, null, 100), context);

    List<InventoryItem> items =
        context
            .datasets()
            .readAll(map(read.records(), new NetSuiteInventoryItemMapper()), InventoryItem.class);
    assertThat(items)
        .hasSize(230)
        .allSatisfy(
            item -> {
              assertThat(item.code()).startsWith("ITM-");
              assertThat(item.unitCost()).isPositive();
              assertThat(item.unitOfMeasure()).isNotBlank();
            });
  }

  @Test
  void fetchesPurchaseOrdersByIdAsTheBulkReadReadsThem() {
    List<JsonNode> bulk =
        context
            .datasets()
            .readAll(
                new NetSuitePurchaseOrdersRead(NetSuiteTesting.clients(CLOCK))
                    .run(new SuiteQlReadInput("netsuite", null, null, null), context)
                    .records(),
                JsonNode.class);
    String ids = bulk.get(3).get("id").asText() + ", " + bulk.get(17).get("id").asText();

    DatasetRef fetched =
        new NetSuiteRecordGet(NetSuiteTesting.clients(CLOCK))
            .run(new NetSuiteRecordGet.Input("netsuite", "purchaseOrder", ids, true), context);

    List<JsonNode> records = context.datasets().readAll(fetched, JsonNode.class);
    assertThat(fetched.entity()).isEqualTo("netsuite.purchaseOrder");
    assertThat(records).hasSize(2);
    assertThat(withoutRestExtras(records.get(0))).isEqualTo(withoutRestExtras(bulk.get(3)));
    assertThat(records.get(1).at("/item/items")).hasSize(bulk.get(17).at("/item/items").size());
    assertThat(records.get(0).at("/shippingAddress/city").asText()).isNotBlank();
  }

  @Test
  void leavesTheItemSublistAsALinkWhenNotExpanded() {
    DatasetRef fetched =
        new NetSuiteRecordGet(NetSuiteTesting.clients(CLOCK))
            .run(new NetSuiteRecordGet.Input("netsuite", "purchaseOrder", "10001", false), context);

    JsonNode order = context.datasets().readAll(fetched, JsonNode.class).getFirst();
    assertThat(order.at("/item/items").isMissingNode()).isTrue();
    assertThat(order.at("/item/links/0/href").asText()).endsWith("/purchaseOrder/10001/item");
  }

  private DatasetRef map(DatasetRef records, io.millflow.model.UnifiedMapper mapper) {
    return new UnifiedTransform(List.of(mapper))
        .run(new UnifiedTransform.Input(records, "netsuite", false, null), context);
  }

  private static JsonNode withoutRestExtras(JsonNode record) {
    ObjectNode copy = record.deepCopy();
    copy.remove(List.of("links", "shippingAddress"));
    ((ObjectNode) copy.get("item")).remove("links");
    return copy;
  }
}
