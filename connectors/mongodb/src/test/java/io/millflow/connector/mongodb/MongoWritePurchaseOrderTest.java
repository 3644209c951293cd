package io.millflow.connector.mongodb;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.address;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.lineWithDeliveries;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import io.millflow.step.Json;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Unified purchase orders: the document layout, idempotent re-writes and newer-wins upserts. */
class MongoWritePurchaseOrderTest {

  @RegisterExtension static final TestMongo mongo = new TestMongo();

  private WriteFixture fixture;

  @BeforeEach
  void freshDatabase() {
    fixture = new WriteFixture(mongo, 2);
  }

  @Test
  void writesOneDocumentPerOrderWithEmbeddedLinesExactDecimalsAndDates() throws Exception {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("buyer", "Zoë Ångström");
    custom.put("weightKg", new BigDecimal("12.340"));
    custom.put("rush", null);
    Instant micros = Instant.parse("2024-03-02T08:15:30.123456Z");
    PurchaseOrderLine detailed =
        new PurchaseOrderLine(
            2,
            "L2",
            "BOLT-M8",
            "I-8",
            "Schraube M8 – verzinkt",
            new BigDecimal("1234567890123456789012.1234567890"),
            new BigDecimal("0.000"),
            "PCS",
            new BigDecimal("0.0001"),
            new BigDecimal("-3.50"),
            "open",
            T0,
            micros,
            null);
    JsonNode raw = Json.mapper().readTree("{\"id\": 7, \"price\": 10.10, \"tags\": [\"a\", null]}");
    PurchaseOrder order =
        new PurchaseOrder(
            "PO-1",
            "4500001",
            "V-1",
            "open",
            "standard",
            "EUR",
            T0,
            micros,
            null,
            address("Hauptplatz 1"),
            null,
            "NET30",
            "DAP",
            "SITE-1",
            "bitte \"dringend\" 🚚",
            new BigDecimal("100.10"),
            T0,
            micros,
            List.of(line(1, "5"), detailed),
            new SourceRef("plex", "plex-prod", "src-1", micros),
            custom,
            raw);

    WriteResult result = fixture.writeOrders(List.of(order));

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(1L, 0L, 0L);
    assertThat(result.target()).endsWith(".purchase_orders");
    Document stored = fixture.orders().get(0);
    assertThat(stored.keySet())
        .containsExactly(
            "_id",
            "orderNumber",
            "vendorKey",
            "status",
            "type",
            "currency",
            "orderDate",
            "requiredDate",
            "approvedAt",
            "shipTo",
            "billTo",
            "paymentTerms",
            "incoterms",
            "siteKey",
            "notes",
            "totalAmount",
            "createdAt",
            "updatedAt",
            "lines",
            "source",
            "customFields",
            "raw");
    assertThat(stored)
        .containsEntry("_id", "PO-1")
        .containsEntry("approvedAt", null)
        .containsEntry("billTo", null)
        .containsEntry("notes", "bitte \"dringend\" 🚚")
        .containsEntry("totalAmount", decimal("100.10"))
        .containsEntry("orderDate", Date.from(T0))
        // BSON dates hold milliseconds: the microseconds are dropped.
        .containsEntry("requiredDate", Date.from(Instant.parse("2024-03-02T08:15:30.123Z")));
    assertThat(stored.get("shipTo", Document.class))
        .containsEntry("line1", "Hauptplatz 1")
        .containsEntry("postalCode", "8020")
        .containsEntry("text", null);
    assertThat(stored.get("source", Document.class))
        .containsEntry("system", "plex")
        .containsEntry("sourceId", "src-1")
        .containsEntry("sourceUpdatedAt", Date.from(Instant.parse("2024-03-02T08:15:30.123Z")));
    assertThat(stored.get("customFields", Document.class))
        .containsEntry("buyer", "Zoë Ångström")
        .containsEntry("weightKg", decimal("12.340"))
        .containsEntry("rush", null);
    assertThat(stored.get("raw", Document.class))
        .containsEntry("id", 7)
        .containsEntry("price", decimal("10.10"))
        .containsEntry("tags", java.util.Arrays.asList("a", null));
    List<Document> lines = stored.getList("lines", Document.class);
    assertThat(lines).extracting(l -> l.get("lineNumber")).containsExactly(1, 2);
    assertThat(lines.get(1))
        .containsEntry("description", "Schraube M8 – verzinkt")
        .containsEntry("quantity", decimal("1234567890123456789012.1234567890"))
        .containsEntry("receivedQuantity", decimal("0.000"))
        .containsEntry("unitPrice", decimal("0.0001"))
        .containsEntry("amount", decimal("-3.50"))
        .containsEntry("itemKey", "I-8")
        .containsEntry("updatedAt", null)
        .containsEntry("deliveryDate", Date.from(Instant.parse("2024-03-02T08:15:30.123Z")));
    WriteResult again = fixture.writeOrders(List.of(order));
    assertThat(List.of(again.inserted(), again.updated(), again.unchanged()))
        .containsExactly(0L, 0L, 1L);
    assertThat(lines.get(1).keySet())
        .containsExactly(
            "lineNumber",
            "key",
            "itemCode",
            "itemKey",
            "description",
            "quantity",
            "receivedQuantity",
            "unitOfMeasure",
            "unitPrice",
            "amount",
            "status",
            "requiredDate",
            "deliveryDate",
            "deliveries",
            "updatedAt");
  }

  @Test
  void embedsALinesDeliveryScheduleAsAnArrayThatAReWriteLeavesUnchanged() {
    List<PurchaseOrder> orders =
        List.of(order("1", T0, "open", lineWithDeliveries(1), line(2, "5")));
    fixture.writeOrders(orders);
    List<Document> first = fixture.orders();

    WriteResult again = fixture.writeOrders(orders);

    assertThat(List.of(again.inserted(), again.updated(), again.unchanged()))
        .containsExactly(0L, 0L, 1L);
    assertThat(fixture.orders()).isEqualTo(first);
    List<Document> lines = first.get(0).getList("lines", Document.class);
    assertThat(lines.get(0).getList("deliveries", Document.class))
        .containsExactly(
            delivery("R-1", 1, "2024-04-01T00:00:00Z", "10", "Received"),
            // BSON dates hold milliseconds
            delivery("R-2", 2, "2024-04-08T06:30:00.123Z", "20.125", "Open"),
            delivery("R-3", null, null, "0.000", null));
    assertThat(lines.get(1).getList("deliveries", Document.class)).isEmpty();
  }

  @Test
  void writingTheSameDatasetTwiceLeavesEveryDocumentUnchanged() {
    List<PurchaseOrder> orders =
        List.of(
            order("1", T0, "open", line(1, "1.50")),
            order("2", T0, "open"),
            order("3", T0, "open", line(1, "3"), line(2, "4")));
    fixture.writeOrders(orders);
    List<Document> first = fixture.orders();

    WriteResult again = fixture.writeOrders(orders);

    assertThat(List.of(again.inserted(), again.updated(), again.unchanged()))
        .containsExactly(0L, 0L, 3L);
    assertThat(fixture.orders()).isEqualTo(first);
  }

  @Test
  void anOlderVersionDoesNotOverwriteANewerOne() {
    fixture.writeOrders(List.of(order("1", T0.plusSeconds(60), "approved", line(1, "9"))));

    WriteResult result = fixture.writeOrders(List.of(order("1", T0, "open", line(1, "1"))));

    assertThat(
            List.of(result.inserted(), result.updated(), result.unchanged(), result.skippedOlder()))
        .containsExactly(0L, 0L, 0L, 1L);
    Document stored = fixture.orders().get(0);
    assertThat(stored).containsEntry("status", "approved");
    assertThat(stored.getList("lines", Document.class).get(0))
        .containsEntry("quantity", decimal("9"));
  }

  @Test
  void aNewerVersionReplacesTheStoredOrderAndItsLines() {
    fixture.writeOrders(
        List.of(order("1", T0, "open", line(1, "1"), line(2, "2")), order("2", T0, "open")));

    WriteResult result =
        fixture.writeOrders(
            List.of(
                order("1", T0.plusSeconds(1), "approved", line(1, "7")),
                order("2", T0, "open"),
                order("3", T0, "open")));

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(1L, 1L, 1L);
    Document first = fixture.orders().get(0);
    assertThat(first).containsEntry("status", "approved");
    assertThat(first.getList("lines", Document.class))
        .singleElement()
        .satisfies(l -> assertThat(l).containsEntry("quantity", decimal("7")));
  }

  @Test
  void anOrderWithoutUpdatedAtNeverReplacesOneThatHasIt() {
    fixture.writeOrders(List.of(order("1", T0, "open")));

    WriteResult result = fixture.writeOrders(List.of(order("1", null, "cancelled")));

    assertThat(result.skippedOlder()).isEqualTo(1);
    assertThat(fixture.orders().get(0)).containsEntry("status", "open");
  }

  @Test
  void keepsTheNewestVersionWhenABatchHoldsAKeyTwice() {
    WriteResult result =
        fixture.writeOrders(
            List.of(
                order("1", T0.plusSeconds(5), "approved"),
                order("1", T0, "open"),
                order("2", T0, "open")));

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(2L, 0L, 1L);
    assertThat(fixture.orders().get(0)).containsEntry("status", "approved");
  }

  @Test
  void reportsProgressAfterEachBatchAndLogsASummary() {
    fixture.writeOrders(
        List.of(order("1", T0, "open"), order("2", T0, "open"), order("3", T0, "open")));

    assertThat(fixture.context().progressReports())
        .extracting(report -> report[0] + "/" + report[1])
        .containsExactly("2/3", "3/3");
    assertThat(fixture.context().logLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("INFO Wrote 3 purchaseOrder records to ")
                    .contains(".purchase_orders (upsert): 3 inserted,"));
  }

  private static Decimal128 decimal(String value) {
    return new Decimal128(new BigDecimal(value));
  }

  /** A delivery as stored: its fields in the model's order, null where it has none. */
  private static Document delivery(
      String key, Integer number, String dueDate, String quantity, String status) {
    Document delivery = new Document("key", key);
    delivery.put("releaseNumber", number);
    delivery.put("dueDate", dueDate == null ? null : Date.from(Instant.parse(dueDate)));
    delivery.put("quantity", decimal(quantity));
    delivery.put("status", status);
    return delivery;
  }
}
