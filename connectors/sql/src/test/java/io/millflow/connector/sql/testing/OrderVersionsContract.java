package io.millflow.connector.sql.testing;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.lineWithDeliveries;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderDelivery;
import io.millflow.step.Json;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which version of a purchase order every SQL sink keeps, and what it counts: run against its real
 * database by the sink's purchase-order test, which adds the exact values and layout its database
 * stores.
 */
public abstract class OrderVersionsContract<F extends SqlWriteFixture> extends SqlWriteTest<F> {

  @Test
  void writingTheSameDatasetAgainLeavesRowsAsTheyAreAndReportsUnchanged() {
    SqlWriteFixture fixture = fixture();
    List<PurchaseOrder> orders =
        List.of(
            order("1", T0, "open", line(1, "5")),
            order("2", T0, "open"),
            order("3", null, "open", line(1, "1"), line(2, "2")));
    fixture.writeOrders(orders);
    List<Map<String, Object>> before = fixture.rows(ordersByKey());
    List<Map<String, Object>> linesBefore =
        fixture.rows("SELECT * FROM purchase_order_line ORDER BY 1, 2");

    WriteResult again = fixture.writeOrders(orders);

    assertThat(counts(again)).containsExactly(0L, 0L, 3L);
    assertThat(fixture.rows(ordersByKey())).isEqualTo(before);
    assertThat(fixture.rows("SELECT * FROM purchase_order_line ORDER BY 1, 2"))
        .isEqualTo(linesBefore);
  }

  @Test
  void storesALinesDeliveryScheduleAsJsonThatReadsBackAsWrittenAndARewriteLeavesIt()
      throws Exception {
    SqlWriteFixture fixture = fixture();
    List<PurchaseOrder> orders =
        List.of(order("1", T0, "open", lineWithDeliveries(1), line(2, "5")));
    fixture.writeOrders(orders);
    List<Map<String, Object>> linesBefore =
        fixture.rows("SELECT * FROM purchase_order_line ORDER BY 1, 2");

    WriteResult again = fixture.writeOrders(orders);

    assertThat(counts(again)).containsExactly(0L, 0L, 1L);
    assertThat(fixture.rows("SELECT * FROM purchase_order_line ORDER BY 1, 2"))
        .isEqualTo(linesBefore);
    assertThat(deliveriesOfLine(1))
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(Orders.deliveries());
    assertThat(deliveriesOfLine(2)).isEmpty();
  }

  @Test
  void aVersionWithoutSourceTimeDoesNotOverwriteOneWithIt() {
    SqlWriteFixture fixture = fixture();
    fixture.writeOrders(List.of(order("1", T0, "approved")));

    WriteResult unknownAge = fixture.writeOrders(List.of(order("1", null, "draft")));

    assertThat(counts(unknownAge)).containsExactly(0L, 0L, 1L);
    assertThat(fixture.row(statusOfOrderOne())).containsEntry("status", "approved");
  }

  @Test
  void keepsTheNewestVersionWhenABatchHoldsAnOrderTwice() {
    SqlWriteFixture fixture = database().newFixture(10);

    WriteResult result =
        fixture.writeOrders(
            List.of(
                order("1", T0.plusSeconds(5), "approved", line(1, "2")),
                order("1", T0, "draft", line(1, "1"), line(2, "1")),
                order("2", T0, "open")));

    assertThat(counts(result)).containsExactly(2L, 0L, 1L);
    assertThat(fixture.row(statusOfOrderOne())).containsEntry("status", "approved");
    assertThat(fixture.count("purchase_order_line")).isEqualTo(1);
  }

  /**
   * Inserted, updated, and left as stored: unchanged or older than the stored version (some sinks
   * count those apart, as skippedOlder; their own tests check it).
   */
  public static List<Long> counts(WriteResult result) {
    return List.of(result.inserted(), result.updated(), result.unchanged() + result.skippedOlder());
  }

  /** The stored JSON (jsonb, JSON or its text) of order 1's line, read as the model's records. */
  private List<PurchaseOrderDelivery> deliveriesOfLine(int number) throws Exception {
    Object stored =
        fixture()
            .row("SELECT deliveries FROM purchase_order_line WHERE line_number = " + number)
            .get("deliveries");
    return Json.mapper()
        .readValue(String.valueOf(stored), new TypeReference<List<PurchaseOrderDelivery>>() {});
  }

  private String ordersByKey() {
    return "SELECT * FROM purchase_order ORDER BY " + database().dialect().quote("key");
  }

  private String statusOfOrderOne() {
    return "SELECT status FROM purchase_order WHERE "
        + database().dialect().quote("key")
        + " = '1'";
  }
}
