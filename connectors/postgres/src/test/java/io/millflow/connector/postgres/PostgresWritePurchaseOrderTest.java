package io.millflow.connector.postgres;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.fullyPopulated;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.testing.OrderVersionsContract;
import io.millflow.connector.sql.testing.SqlWriteDatabase;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Json;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PGobject;

/**
 * The purchase-order fast path: exact values, the layout, and the rule that an older version never
 * wins.
 */
class PostgresWritePurchaseOrderTest extends OrderVersionsContract<WriteFixture> {

  @RegisterExtension static final PostgresWriteDatabase DATABASE = new PostgresWriteDatabase();

  @Test
  void writesOrdersAndLinesWithExactValues() throws Exception {
    Instant updatedAt = Instant.parse("2024-03-05T08:30:15.123456Z");
    String notes = "Line one\nline two, with \\ backslash, \"quotes\", a lone \\. and ümlaut €";
    PurchaseOrder full = fullyPopulated(notes, updatedAt);

    WriteResult result = fixture().writeOrders(List.of(full, order("1002", T0, "open")));

    assertThat(result.target()).isEqualTo(fixture().schema() + ".purchase_order");
    assertThat(counts(result)).containsExactly(2L, 0L, 0L);
    Map<String, Object> row = fixture().row("SELECT * FROM purchase_order WHERE key = '1001'");
    assertThat(row)
        .containsEntry("order_number", "PO-1001")
        .containsEntry("vendor_key", "V-7")
        .containsEntry("ship_to_line1", "Main \"North\" Gate, 12")
        .containsEntry("ship_to_city", "Graz")
        .containsEntry("bill_to_line1", null)
        .containsEntry("payment_terms", "NET30")
        .containsEntry("notes", notes)
        .containsEntry("total_amount", new BigDecimal("12345.6789"))
        .containsEntry("source_system", "plex")
        .containsEntry("source_connection", "plex-prod")
        .containsEntry("source_id", "src-1001");
    assertThat(((Timestamp) row.get("source_updated_at")).toInstant()).isEqualTo(updatedAt);
    assertThat(((Timestamp) row.get("required_date")).toInstant())
        .isEqualTo(Instant.parse("2024-04-01T00:00:00Z"));
    assertThat(json(row.get("custom_fields")))
        .isEqualTo(Json.mapper().readTree("{\"buyer\":\"Anna\",\"priority\":2}"));
    assertThat(json(row.get("raw"))).isEqualTo(full.raw());
    assertThat(row.get("synced_at")).isNotNull();
    Map<String, Object> line =
        fixture()
            .row(
                "SELECT * FROM purchase_order_line WHERE order_key = '1001'"
                    + " AND line_number = 1");
    assertThat(line)
        .containsEntry("item_code", "BOLT-M8")
        .containsEntry("description", "Bolt, M8")
        .containsEntry("quantity", new BigDecimal("1000.000001"))
        .containsEntry("unit_price", new BigDecimal("0.0425"))
        .containsEntry("amount", new BigDecimal("42.50"))
        .containsEntry("received_quantity", new BigDecimal("0"));
    assertThat(fixture().count("purchase_order_line")).isEqualTo(2);
  }

  @Test
  void createsBothTablesWithTheDocumentedLayoutWhenAbsent() {
    fixture().writeOrders(List.of());

    assertThat(fixture().columns("purchase_order"))
        .startsWith("key text", "order_number text")
        .contains(
            "order_date timestamp with time zone",
            "ship_to_line1 text",
            "bill_to_postal_code text",
            "total_amount numeric",
            "source_updated_at timestamp with time zone",
            "custom_fields jsonb",
            "raw jsonb")
        .endsWith("synced_at timestamp with time zone");
    assertThat(fixture().columns("purchase_order_line"))
        .startsWith("order_key text", "line_number integer")
        .contains("quantity numeric", "delivery_date timestamp with time zone", "deliveries jsonb");
    assertThat(fixture().primaryKey("purchase_order")).isEqualTo("key");
    assertThat(fixture().primaryKey("purchase_order_line")).isEqualTo("order_key,line_number");
  }

  @Test
  void countsEachRecordOnceAsInsertedUpdatedUnchangedOrOlderThanStored() {
    fixture()
        .writeOrders(
            List.of(
                order("1", T0.plusSeconds(60), "approved"),
                order("2", T0, "open"),
                order("3", T0, "open"),
                order("4", T0.plusSeconds(60), "open")));

    WriteResult result =
        fixture()
            .writeOrders(
                List.of(
                    order("1", T0, "stale"),
                    order("2", T0, "open"),
                    order("3", T0.plusSeconds(1), "approved"),
                    order("4", null, "unknown age"),
                    order("5", T0, "open")));

    assertThat(
            List.of(result.inserted(), result.updated(), result.unchanged(), result.skippedOlder()))
        .containsExactly(1L, 1L, 1L, 2L);
    assertThat(result.rejected().count()).isZero();
    assertThat(result.accounted()).isEqualTo(5);
  }

  @Test
  void anOlderSourceVersionDoesNotOverwriteANewerRow() {
    fixture().writeOrders(List.of(order("1", T0.plusSeconds(60), "approved", line(1, "5"))));
    Object syncedAt =
        fixture().row("SELECT synced_at FROM purchase_order WHERE key = '1'").get("synced_at");

    WriteResult stale =
        fixture().writeOrders(List.of(order("1", T0, "draft", line(1, "9"), line(2, "1"))));

    assertThat(counts(stale)).containsExactly(0L, 0L, 1L);
    assertThat(List.of(stale.unchanged(), stale.skippedOlder())).containsExactly(0L, 1L);
    assertThat(fixture().row("SELECT status, synced_at FROM purchase_order WHERE key = '1'"))
        .containsEntry("status", "approved")
        .containsEntry("synced_at", syncedAt);
    assertThat(fixture().rows("SELECT line_number, quantity FROM purchase_order_line"))
        .containsExactly(Map.of("line_number", 1, "quantity", new BigDecimal("5")));
  }

  @Test
  void aNewerSourceVersionUpdatesTheOrderAndReplacesItsLines() {
    fixture()
        .writeOrders(
            List.of(
                order("1", T0, "open", line(1, "5"), line(2, "6"), line(3, "7")),
                order("2", T0, "open", line(1, "1"))));

    WriteResult newer =
        fixture()
            .writeOrders(
                List.of(order("1", T0.plusSeconds(1), "approved", line(1, "50"), line(4, "8"))));

    assertThat(counts(newer)).containsExactly(0L, 1L, 0L);
    assertThat(fixture().row("SELECT status FROM purchase_order WHERE key = '1'"))
        .containsEntry("status", "approved");
    assertThat(
            fixture()
                .rows(
                    "SELECT order_key, line_number, quantity FROM purchase_order_line ORDER BY 1, 2"))
        .containsExactly(
            Map.of("order_key", "1", "line_number", 1, "quantity", new BigDecimal("50")),
            Map.of("order_key", "1", "line_number", 4, "quantity", new BigDecimal("8")),
            Map.of("order_key", "2", "line_number", 1, "quantity", new BigDecimal("1")));
  }

  @Test
  void theSameSourceTimeWithOtherContentUpdates() {
    fixture().writeOrders(List.of(order("1", T0, "open")));

    WriteResult corrected = fixture().writeOrders(List.of(order("1", T0, "approved")));

    assertThat(counts(corrected)).containsExactly(0L, 1L, 0L);
    assertThat(fixture().row("SELECT status FROM purchase_order WHERE key = '1'"))
        .containsEntry("status", "approved");
  }

  private static JsonNode json(Object jsonb) throws Exception {
    return Json.mapper().readTree(((PGobject) jsonb).getValue());
  }

  @Override
  protected SqlWriteDatabase<WriteFixture> database() {
    return DATABASE;
  }
}
