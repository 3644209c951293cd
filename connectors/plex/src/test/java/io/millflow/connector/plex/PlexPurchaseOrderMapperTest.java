package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderDelivery;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.DatasetRef;
import io.millflow.step.FieldFill;
import io.millflow.step.RecordAccount;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import io.millflow.steps.UnifiedTransform;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plex purchase orders to the unified model, on a small fixture. */
class PlexPurchaseOrderMapperTest {

  private static final MappingOptions OPTIONS = new MappingOptions("plex-prod", false, List.of());
  private final PlexPurchaseOrderMapper mapper = new PlexPurchaseOrderMapper();

  @Test
  void mapsTheOrderFields() {
    PurchaseOrder order = mapper.map(fixture(), OPTIONS);

    assertThat(order.key()).isEqualTo("6f1c2a9e-3b4d-4c8e-9a7f-2e5d8b1c0a93");
    assertThat(order.orderNumber()).isEqualTo("PO0104512");
    assertThat(order.vendorKey()).isEqualTo("c3a1e7d2-5b9f-4e0a-8c6d-7f2b1a9e4d50");
    assertThat(order.status()).isEqualTo("Approved");
    assertThat(order.currency()).isEqualTo("USD");
    assertThat(order.orderDate()).isEqualTo(Instant.parse("2024-05-02T14:05:31.1234567Z"));
    assertThat(order.requiredDate()).isEqualTo(Instant.parse("2024-05-30T00:00:00Z"));
    assertThat(order.approvedAt()).isEqualTo(Instant.parse("2024-05-02T15:05:31.1234567Z"));
    assertThat(order.shipTo())
        .isEqualTo(Address.ofText("Plant GR-1, 1200 Industrial Pkwy, Grand Rapids, MI 49503, US"));
    assertThat(order.paymentTerms()).isEqualTo("Net 30");
    assertThat(order.incoterms()).isEqualTo("FOB");
    assertThat(order.siteKey()).isEqualTo("GR-1");
    assertThat(order.notes()).isEqualTo("Deliver to dock 4");
    assertThat(order.totalAmount()).isEqualByComparingTo("1328.20");
    assertThat(order.createdAt()).isEqualTo(Instant.parse("2024-05-02T13:58:00Z"));
    assertThat(order.updatedAt()).isEqualTo(Instant.parse("2024-05-03T08:15:00.5Z"));
    assertThat(order.source())
        .isEqualTo(new SourceRef("plex", "plex-prod", order.key(), order.updatedAt()));
    assertThat(order.raw()).isNull();
  }

  @Test
  void mapsLinesInLineNumberOrderWithQuantitiesFromTheirReleasesAndExactAmounts() {
    List<PurchaseOrderLine> lines = mapper.map(fixture(), OPTIONS).lines();

    assertThat(lines).extracting(PurchaseOrderLine::lineNumber).containsExactly(1, 2);
    PurchaseOrderLine bearing = lines.get(0);
    assertThat(bearing.key()).isEqualTo("7d3a1e9c-4b6f-4d2a-9c8e-3f5b7d1a2c46");
    assertThat(bearing.itemCode()).isEqualTo("SP-10000");
    assertThat(bearing.itemKey())
        .isEqualTo("5c7e9a1b-3d5f-4b7d-8e0a-2c4e6a8b0d12"); // no partId: the itemId
    assertThat(bearing.unitOfMeasure()).isEqualTo("ea");
    assertThat(bearing.quantity()).isEqualByComparingTo("45"); // 25 + 20, the canceled 10 not
    assertThat(bearing.receivedQuantity()).isEqualByComparingTo("25");
    assertThat(bearing.requiredDate()).isEqualTo(Instant.parse("2024-05-20T00:00:00Z"));
    assertThat(bearing.unitPrice()).isEqualByComparingTo("12.50");
    assertThat(bearing.amount()).isEqualByComparingTo("562.50");
    assertThat(bearing.updatedAt()).isEqualTo(Instant.parse("2024-05-03T08:12:00Z"));
    assertThat(lines.get(1).amount())
        .isEqualTo(new BigDecimal("1.2350").multiply(new BigDecimal("620.000")));
  }

  @Test
  void aLinesDeliveryScheduleIsItsReleasesNotCanceledByDueDate() {
    ObjectNode source = fixture();
    // release 2 of line 1 now falls due before release 1; release 3 is canceled
    ((ObjectNode) source.withArray("lineItems").get(1).withArray("releases").get(1))
        .put("dueDate", "2024-05-15T00:00:00.0000000Z");

    List<PurchaseOrderLine> lines = mapper.map(source, OPTIONS).lines();

    assertThat(lines.get(0).deliveries())
        .containsExactly(
            new PurchaseOrderDelivery(
                "9b3d5f7a-1c2e-4a4b-8d6f-8b0d2f4a6c33",
                2,
                Instant.parse("2024-05-15T00:00:00Z"),
                new BigDecimal("20"),
                "Open"),
            new PurchaseOrderDelivery(
                "8a2c4e6f-0b1d-4f3a-9c5e-7a9c1e3f5b22",
                1,
                Instant.parse("2024-05-20T00:00:00Z"),
                new BigDecimal("25"),
                "Received"));
    assertThat(lines.get(0).requiredDate()).isEqualTo(Instant.parse("2024-05-15T00:00:00Z"));
    assertThat(lines.get(1).deliveries())
        .singleElement()
        .satisfies(
            delivery -> {
              assertThat(delivery.key()).isEqualTo("5e0c9b7a-1d3f-4a6c-8e2b-4f6a8c0e2a11");
              assertThat(delivery.releaseNumber()).isEqualTo(1);
              assertThat(delivery.dueDate()).isEqualTo(Instant.parse("2024-05-30T00:00:00Z"));
              assertThat(delivery.quantity()).isEqualByComparingTo("620");
              assertThat(delivery.status()).isEqualTo("Open");
            });
  }

  @Test
  void aBlanketLineWithoutReleasesTakesItsBlanketQuantity() {
    ObjectNode source = fixture();
    ObjectNode line = (ObjectNode) source.withArray("lineItems").get(0);
    line.putArray("releases");
    line.put("blanketQuantity", new BigDecimal("1000.000"));

    PurchaseOrderLine mapped = mapper.map(source, OPTIONS).lines().get(1);

    assertThat(mapped.quantity()).isEqualByComparingTo("1000");
    assertThat(mapped.amount()).isEqualByComparingTo("1235.0000");
    assertThat(mapped.receivedQuantity()).isNull();
    assertThat(mapped.deliveries()).isEmpty();
  }

  @Test
  void aReleaseChangedAfterItsOrderMakesTheOrderNewer() {
    ObjectNode source = fixture();
    ObjectNode release =
        (ObjectNode) source.withArray("lineItems").get(1).withArray("releases").get(1);
    release.put("quantity", 30).put("modifiedDate", "2024-06-01T10:00:00.0000000Z");

    PurchaseOrder order = mapper.map(source, OPTIONS);

    assertThat(order.updatedAt()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
    assertThat(order.lines().get(0).quantity()).isEqualByComparingTo("55");
    assertThat(order.lines().get(0).updatedAt()).isEqualTo(Instant.parse("2024-06-01T10:00:00Z"));
  }

  @Test
  void keepsTheRequestedCustomFieldsThatAreThere() {
    PurchaseOrder order =
        mapper.map(
            fixture(),
            new MappingOptions(
                "plex-prod", false, List.of("buyerCode", "freightTerms", "notAField")));

    assertThat(order.customFields())
        .containsOnlyKeys("buyerCode")
        .containsEntry("buyerCode", "JSM");
  }

  @Test
  void keepsTheRawRecordWhenAsked() {
    JsonNode source = fixture();

    assertThat(mapper.map(source, new MappingOptions("plex-prod", true, List.of())).raw())
        .isEqualTo(source);
  }

  @Test
  void sumsTheLinesWhenPlexGivesNoTotal() {
    ObjectNode source = fixture();
    source.remove("lineItemTotal");
    source.put("currencyCode", "EUR");

    assertThat(mapper.map(source, OPTIONS).totalAmount()).isEqualByComparingTo("1328.20");
    assertThat(mapper.map(source, OPTIONS).currency()).isEqualTo("EUR");
  }

  @Test
  void readsAStrippedDecimalAsTheSameNumber() {
    ObjectNode source = fixture();
    ((ObjectNode) source.get("lineItems").get(1)).put("unitPrice", new BigDecimal("1E+2"));

    assertThat(mapper.map(source, OPTIONS).lines().get(0).unitPrice())
        .isEqualTo(new BigDecimal("100"));
  }

  @Test
  void refusesAnOrderWithoutModifiedDateNamingTheOrderAndField() {
    ObjectNode source = fixture();
    source.remove("modifiedDate");

    assertThatThrownBy(() -> mapper.map(source, OPTIONS))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("UNMAPPABLE_RECORD"))
        .hasMessageContaining("6f1c2a9e-3b4d-4c8e-9a7f-2e5d8b1c0a93")
        .hasMessageContaining("'modifiedDate'");
  }

  @Test
  void refusesAnOrderWithoutId() {
    ObjectNode source = fixture();
    source.remove("id");

    assertThatThrownBy(() -> mapper.map(source, OPTIONS))
        .isInstanceOf(StepFailure.class)
        .hasMessageContaining("'id' is missing")
        .hasMessageContaining("PO0104512");
  }

  @Test
  void refusesAnUnparsableDateOrNumberNamingTheField() {
    ObjectNode badDate = fixture();
    badDate.put("dueDate", "next Tuesday");
    ObjectNode badPrice = fixture();
    ((ObjectNode) badPrice.get("lineItems").get(0)).put("unitPrice", "n/a");

    assertThatThrownBy(() -> mapper.map(badDate, OPTIONS))
        .hasMessageContaining("'dueDate' is not a timestamp");
    assertThatThrownBy(() -> mapper.map(badPrice, OPTIONS))
        .hasMessageContaining("line item 2 of purchase order 6f1c2a9e")
        .hasMessageContaining("'unitPrice'");
  }

  @Test
  void mapsPlexsRecordToUnifiedEntityNames() {
    assertThat(mapper.sourceEntity()).isEqualTo("plex.purchaseOrder");
    assertThat(mapper.targetEntity()).isEqualTo("purchaseOrder");
  }

  /**
   * The shape an independent Plex fake serves: line items with blanketQuantity 0, no quantity, and
   * here no releases either.
   */
  @Test
  void linesWithoutReleasesOrBlanketQuantityInEveryOrderOfARunAreAWarningNamingThePlexFields() {
    ObjectNode order = fixture();
    order.withArray("lineItems").forEach(item -> ((ObjectNode) item).remove("releases"));
    ObjectNode other = order.deepCopy().put("id", "second-order").put("poNumber", "PO0104513");
    TestStepContext context = new TestStepContext();
    DatasetRef in = context.datasets().put(PlexPurchaseOrdersRead.ENTITY, List.of(order, other));

    DatasetRef out =
        new UnifiedTransform(List.of(mapper))
            .run(new UnifiedTransform.Input(in, "plex-prod", false, null), context);

    RecordAccount account = context.accounts().getFirst();
    assertThat(out.count()).isEqualTo(2);
    assertThat(account.fillRates())
        .containsEntry("lines.quantity", new FieldFill(0, 4))
        .containsEntry("lines.unitPrice", new FieldFill(4, 4))
        .containsEntry("orderNumber", new FieldFill(2, 2));
    assertThat(account.warnings())
        .anySatisfy(
            warning ->
                assertThat(warning)
                    .contains(
                        "lines.quantity",
                        "4 empty",
                        "source field 'releases.quantity / blanketQuantity'"));
    assertThat(context.logLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("WARN")
                    .contains("lines.quantity", "'releases.quantity / blanketQuantity'"));
  }

  @Test
  void fieldsOutsidePlexsPublishedShapeAreNewFieldsSeenAndAMissingCustomFieldIsAWarning() {
    ObjectNode order = fixture().put("promisedDate", "2024-07-01T00:00:00Z");
    ObjectNode other = order.deepCopy().put("id", "second-order").put("poNumber", "PO0104513");
    TestStepContext context = new TestStepContext();
    DatasetRef in = context.datasets().put(PlexPurchaseOrdersRead.ENTITY, List.of(order, other));

    DatasetRef out =
        new UnifiedTransform(List.of(mapper))
            .run(
                new UnifiedTransform.Input(in, "plex-prod", false, "buyerCode,receiptNote"),
                context);

    RecordAccount account = context.accounts().getFirst();
    assertThat(out.count()).isEqualTo(2);
    assertThat(account.newFieldsSeen())
        .as("buyerCode, not in Plex's shape, is one of the custom fields")
        .isEqualTo(Map.of("promisedDate", 2L));
    assertThat(account.warnings())
        .filteredOn(warning -> warning.contains("'promisedDate'"))
        .singleElement()
        .asString()
        .startsWith("2 of 2 plex.purchaseOrder records carry the field 'promisedDate'")
        .doesNotContain("2024-07-01");
    assertThat(account.warnings())
        .filteredOn(warning -> warning.startsWith("The custom field"))
        .singleElement()
        .asString()
        .contains("'receiptNote' is in none of the 2 plex.purchaseOrder records");
  }

  @Test
  void anOrderWithoutItsNumberIsRejectedByTheTransformNotWritten() {
    ObjectNode order = fixture();
    order.remove("poNumber");
    TestStepContext context = new TestStepContext();
    DatasetRef in =
        context
            .datasets()
            .put(PlexPurchaseOrdersRead.ENTITY, List.of(order, fixture().put("id", "ok")));

    DatasetRef out =
        new UnifiedTransform(List.of(mapper))
            .run(new UnifiedTransform.Input(in, "plex-prod", false, null), context);

    RecordAccount account = context.accounts().getFirst();
    assertThat(out.count()).isEqualTo(1);
    assertThat(account.rejected().reasons())
        .containsExactly(java.util.Map.entry("required field 'orderNumber' is empty", 1L));
    assertThat(account.rejected().records())
        .containsExactly("purchaseOrder 6f1c2a9e-3b4d-4c8e-9a7f-2e5d8b1c0a93");
  }

  private static ObjectNode fixture() {
    return Fixtures.read("plex-purchase-order.json");
  }
}
