package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.model.InventoryItem;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.model.Vendor;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mappers on small fixtures of NetSuite's record shapes, field by field. */
class NetSuiteMappersTest {

  private static final MappingOptions OPTIONS =
      new MappingOptions("netsuite-prod", false, List.of());

  @Test
  void mapsAPurchaseOrderAndItsLinesInLineOrder() throws IOException {
    PurchaseOrder order =
        new NetSuitePurchaseOrderMapper().map(fixture("netsuite-purchase-order.json"), OPTIONS);

    assertThat(order.key()).isEqualTo("107");
    assertThat(order.orderNumber()).isEqualTo("PO000107");
    assertThat(order.vendorKey()).isEqualTo("2042");
    assertThat(order.status()).isEqualTo("Pending Receipt");
    assertThat(order.currency()).isEqualTo("USD");
    assertThat(order.orderDate()).isEqualTo(Instant.parse("2025-06-02T00:00:00Z"));
    assertThat(order.requiredDate()).isEqualTo(Instant.parse("2025-06-30T00:00:00Z"));
    assertThat(order.paymentTerms()).isEqualTo("Net 30");
    assertThat(order.incoterms()).isEqualTo("FOB");
    assertThat(order.siteKey()).isEqualTo("1");
    assertThat(order.notes()).isEqualTo("Deliver to dock 3");
    assertThat(order.totalAmount()).isEqualByComparingTo("1283.50");
    assertThat(order.shipTo().line1()).isEqualTo("455 Foundry St");
    assertThat(order.shipTo().country()).isEqualTo("US");
    assertThat(order.billTo().city()).isEqualTo("Grand Rapids");
    assertThat(order.createdAt()).isEqualTo(Instant.parse("2025-06-02T14:03:11Z"));
    assertThat(order.updatedAt()).isEqualTo(Instant.parse("2025-06-04T09:15:40Z"));
    assertThat(order.source().sourceUpdatedAt()).isEqualTo(order.updatedAt());
    assertThat(order.source().connection()).isEqualTo("netsuite-prod");
    assertThat(order.lines()).extracting(PurchaseOrderLine::lineNumber).containsExactly(1, 2);
    PurchaseOrderLine first = order.lines().getFirst();
    assertThat(first.itemKey()).isEqualTo("503");
    assertThat(first.itemCode()).isEqualTo("ITM-00003");
    assertThat(first.quantity()).isEqualByComparingTo("250.5");
    assertThat(first.receivedQuantity()).isEqualByComparingTo("100");
    assertThat(first.unitOfMeasure()).isEqualTo("kg");
    assertThat(first.unitPrice()).isEqualByComparingTo("4.625");
    assertThat(first.amount()).isEqualByComparingTo("1158.50");
    assertThat(first.status()).isEqualTo("Closed");
    assertThat(first.requiredDate()).isEqualTo(Instant.parse("2025-06-15T00:00:00Z"));
  }

  @Test
  void mapsAPurchaseOrderReadThroughSuiteQlLikeOneFetchedAsARecord() throws IOException {
    ObjectNode record =
        SuiteQlEntity.PURCHASE_ORDER.toRecord(
            fixture("netsuite-purchase-order-suiteql.json"), ZoneOffset.UTC);
    record.set("item", PurchaseOrderLines.sublist(Json.mapper().createArrayNode()));

    PurchaseOrder order = new NetSuitePurchaseOrderMapper().map(record, OPTIONS);

    assertThat(order.status()).isEqualTo("Pending Receipt");
    assertThat(order.vendorKey()).isEqualTo("2042");
    assertThat(order.updatedAt()).isEqualTo(Instant.parse("2025-06-04T09:15:40Z"));
    assertThat(order.totalAmount()).isEqualByComparingTo("1283.50");
  }

  @Test
  void keepsTheRawRecordAndAskedForCustomFieldsOnRequest() throws IOException {
    JsonNode source = fixture("netsuite-vendor.json");

    Vendor vendor =
        new NetSuiteVendorMapper()
            .map(
                source,
                new MappingOptions(
                    "netsuite", true, List.of("custentity_supplier_rating", "absent")));

    assertThat(vendor.customFields())
        .containsExactly(java.util.Map.entry("custentity_supplier_rating", "A"));
    assertThat(vendor.raw()).isEqualTo(source);
  }

  @Test
  void mapsAVendor() throws IOException {
    Vendor vendor = new NetSuiteVendorMapper().map(fixture("netsuite-vendor.json"), OPTIONS);

    assertThat(vendor.key()).isEqualTo("2042");
    assertThat(vendor.code()).isEqualTo("V00042");
    assertThat(vendor.name()).isEqualTo("Great Lakes Steel 5 Inc.");
    assertThat(vendor.active()).isTrue();
    assertThat(vendor.status()).isEqualTo("Active");
    assertThat(vendor.currency()).isEqualTo("USD");
    assertThat(vendor.paymentTerms()).isEqualTo("Net 30");
    assertThat(vendor.email()).isEqualTo("purchasing@greatlakes.example");
    assertThat(vendor.createdAt()).isEqualTo(Instant.parse("2023-01-12T08:00:00Z"));
    assertThat(vendor.updatedAt()).isEqualTo(Instant.parse("2025-05-30T17:45:00Z"));
  }

  @Test
  void mapsAnInventoryItem() throws IOException {
    InventoryItem item =
        new NetSuiteInventoryItemMapper().map(fixture("netsuite-inventory-item.json"), OPTIONS);

    assertThat(item.key()).isEqualTo("517");
    assertThat(item.code()).isEqualTo("ITM-00017");
    assertThat(item.name()).isEqualTo("Bearing 6204-2RS #3");
    assertThat(item.description()).isEqualTo("Bearing 6204-2RS, purchased");
    assertThat(item.active()).isFalse();
    assertThat(item.unitOfMeasure()).isEqualTo("ea");
    assertThat(item.quantityOnHand()).isEqualByComparingTo("1430");
    assertThat(item.quantityAvailable()).isEqualByComparingTo("1298");
    assertThat(item.unitCost()).isEqualTo(new BigDecimal("12.50"));
    assertThat(item.updatedAt()).isEqualTo(Instant.parse("2025-06-01T06:30:00Z"));
  }

  @Test
  void refusesARecordWithoutLastModifiedDateNamingTheRecordAndField() throws IOException {
    ObjectNode item = (ObjectNode) fixture("netsuite-inventory-item.json");
    item.remove("lastModifiedDate");

    assertThatThrownBy(() -> new NetSuiteInventoryItemMapper().map(item, OPTIONS))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("UNMAPPABLE_RECORD");
              assertThat(e.getMessage()).contains("inventoryItem 517", "lastModifiedDate");
            });
  }

  @Test
  void refusesALineQuantityThatIsNotANumber() throws IOException {
    ObjectNode order = (ObjectNode) fixture("netsuite-purchase-order.json");
    ((ObjectNode) order.at("/item/items/0")).put("quantity", "ten");

    assertThatThrownBy(() -> new NetSuitePurchaseOrderMapper().map(order, OPTIONS))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e ->
                assertThat(e.getMessage())
                    .contains("line 2 of purchaseOrder 107", "quantity", "ten"));
  }

  private static JsonNode fixture(String name) throws IOException {
    try (InputStream in = NetSuiteMappersTest.class.getResourceAsStream("/fixtures/" + name)) {
      return Json.mapper().readTree(in);
    }
  }
}
