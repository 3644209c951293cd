package io.millflow.connector.mysql;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.fullyPopulated;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.millflow.connector.sql.testing.OrderVersionsContract;
import io.millflow.connector.sql.testing.SqlWriteDatabase;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.Json;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The purchase-order fast path on MariaDB: exact values, the layout, and the rule that an older
 * version never wins.
 */
class MySqlWritePurchaseOrderTest extends OrderVersionsContract<WriteFixture> {

  @RegisterExtension static final MySqlWriteDatabase DATABASE = new MySqlWriteDatabase();

  @Test
  void writesOrdersAndLinesWithExactValues() throws Exception {
    Instant updatedAt = Instant.parse("2024-03-05T08:30:15.123456Z");
    String notes =
        "Line one\nline two, with \\ backslash, \"quotes\", 'single', ümlaut €, 工厂 and 🏭";
    PurchaseOrder full = fullyPopulated(notes, updatedAt);

    WriteResult result = fixture().writeOrders(List.of(full, order("1002", T0, "open")));

    assertThat(result.target()).isEqualTo(fixture().database() + ".purchase_order");
    assertThat(counts(result)).containsExactly(2L, 0L, 0L);
    Map<String, Object> row = fixture().row("SELECT * FROM purchase_order WHERE `key` = '1001'");
    assertThat(row)
        .containsEntry("order_number", "PO-1001")
        .containsEntry("vendor_key", "V-7")
        .containsEntry("ship_to_line1", "Main \"North\" Gate, 12")
        .containsEntry("ship_to_city", "Graz")
        .containsEntry("bill_to_line1", null)
        .containsEntry("approved_at", null)
        .containsEntry("notes", notes)
        .containsEntry("source_system", "plex")
        .containsEntry("source_id", "src-1001");
    assertThat((BigDecimal) row.get("total_amount")).isEqualByComparingTo("12345.6789");
    assertThat(row.get("source_updated_at")).isEqualTo(utc("2024-03-05T08:30:15.123456"));
    assertThat(row.get("required_date")).isEqualTo(utc("2024-04-01T00:00:00"));
    assertThat(Json.mapper().readTree((String) row.get("custom_fields")))
        .isEqualTo(Json.mapper().readTree("{\"buyer\":\"Anna\",\"priority\":2}"));
    assertThat(Json.mapper().readTree((String) row.get("raw"))).isEqualTo(full.raw());
    assertThat(row.get("synced_at")).isNotNull();
    Map<String, Object> line =
        fixture()
            .row(
                "SELECT * FROM purchase_order_line WHERE order_key = '1001'"
                    + " AND line_number = 1");
    assertThat(line).containsEntry("item_code", "BOLT-M8").containsEntry("description", "Bolt, M8");
    assertThat((BigDecimal) line.get("quantity")).isEqualByComparingTo("1000.000001");
    assertThat((BigDecimal) line.get("unit_price")).isEqualByComparingTo("0.0425");
    assertThat((BigDecimal) line.get("amount")).isEqualByComparingTo("42.50");
    assertThat(fixture().count("purchase_order_line")).isEqualTo(2);
  }

  @Test
  void storesTimesInUtcWhateverTheServerZone() {
    fixture().execute("SET GLOBAL time_zone = '+05:00'");
    try {
      fixture()
          .writeOrders(List.of(order("1", Instant.parse("2024-06-30T23:59:59.999999Z"), "open")));
    } finally {
      fixture().execute("SET GLOBAL time_zone = SYSTEM");
    }

    assertThat(
            fixture().row("SELECT source_updated_at FROM purchase_order").get("source_updated_at"))
        .isEqualTo(utc("2024-06-30T23:59:59.999999"));
  }

  @Test
  void createsBothTablesWithTheDocumentedLayoutWhenAbsent() {
    fixture().writeOrders(List.of());

    assertThat(fixture().columns("purchase_order"))
        .startsWith("key varchar(255)", "order_number text")
        .contains(
            "order_date datetime(6)",
            "ship_to_line1 text",
            "total_amount decimal(38,10)",
            "source_updated_at datetime(6)",
            "custom_fields longtext",
            "raw longtext")
        .endsWith("synced_at datetime(6)");
    assertThat(fixture().columns("purchase_order_line"))
        .startsWith("order_key varchar(255)", "line_number int(11)")
        .contains("quantity decimal(38,10)", "delivery_date datetime(6)", "deliveries longtext");
    assertThat(fixture().rows("SHOW KEYS FROM purchase_order_line WHERE Key_name = 'PRIMARY'"))
        .extracting(key -> key.get("column_name"))
        .containsExactly("order_key", "line_number");
  }

  @Test
  void addsAColumnTheTableLacksAndKeepsItsRows() {
    fixture().writeOrders(List.of(order("1", T0, "open")));
    fixture().execute("ALTER TABLE purchase_order DROP COLUMN incoterms");

    WriteResult result = fixture().writeOrders(List.of(order("2", T0, "open")));

    assertThat(counts(result)).containsExactly(1L, 0L, 0L);
    assertThat(fixture().columns("purchase_order")).contains("incoterms text");
    assertThat(fixture().count("purchase_order")).isEqualTo(2);
  }

  @Test
  void anOlderSourceVersionDoesNotOverwriteANewerRow() {
    fixture().writeOrders(List.of(order("1", T0.plusSeconds(60), "approved", line(1, "5"))));

    WriteResult stale =
        fixture().writeOrders(List.of(order("1", T0, "draft", line(1, "9"), line(2, "1"))));

    assertThat(counts(stale)).containsExactly(0L, 0L, 1L);
    assertThat(
            fixture().row("SELECT status, source_updated_at FROM purchase_order WHERE `key` = '1'"))
        .containsEntry("status", "approved")
        .containsEntry("source_updated_at", utc("2024-03-01T10:01:00"));
    assertThat(fixture().rows("SELECT line_number, quantity FROM purchase_order_line"))
        .extracting(
            row -> row.get("line_number"),
            row -> ((BigDecimal) row.get("quantity")).intValueExact())
        .containsExactly(tuple(1, 5));
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
    assertThat(
            fixture().row("SELECT status, source_updated_at FROM purchase_order WHERE `key` = '1'"))
        .containsEntry("status", "approved")
        .containsEntry("source_updated_at", utc("2024-03-01T10:00:01"));
    assertThat(
            fixture()
                .rows(
                    "SELECT order_key, line_number, quantity FROM purchase_order_line ORDER BY 1, 2"))
        .extracting(
            row -> row.get("order_key"),
            row -> row.get("line_number"),
            row -> ((BigDecimal) row.get("quantity")).intValueExact())
        .containsExactly(tuple("1", 1, 50), tuple("1", 4, 8), tuple("2", 1, 1));
  }

  private static LocalDateTime utc(String wallTime) {
    return LocalDateTime.ofInstant(Instant.parse(wallTime + "Z"), ZoneOffset.UTC);
  }

  @Override
  protected SqlWriteDatabase<WriteFixture> database() {
    return DATABASE;
  }
}
