package io.millflow.connector.mysql;

import static io.millflow.connector.sql.testing.OrderVersionsContract.counts;
import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.testing.SqlWriteDatabase;
import io.millflow.connector.sql.testing.WriteModesContract;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Insert and replace modes, progress, named tables, and failures that leave the tables as they
 * were.
 */
class MySqlWriteModesTest extends WriteModesContract<WriteFixture> {

  @RegisterExtension static final MySqlWriteDatabase DATABASE = new MySqlWriteDatabase();

  @Test
  void insertModeAddsNewOrdersAndLeavesStoredOnesAsTheyAre() {
    fixture().writeOrders(List.of(order("1", T0, "open", line(1, "1"))));

    WriteResult result =
        fixture()
            .writeOrders(
                WriteMode.INSERT,
                List.of(
                    order("1", T0.plusSeconds(9), "approved", line(1, "9")),
                    order("2", T0, "open", line(1, "2"))));

    assertThat(counts(result)).containsExactly(1L, 0L, 1L);
    assertThat(fixture().rows("SELECT `key`, status FROM purchase_order ORDER BY `key`"))
        .containsExactly(
            Map.of("key", "1", "status", "open"), Map.of("key", "2", "status", "open"));
    assertThat(
            fixture()
                .rows(
                    "SELECT order_key, CAST(quantity AS CHAR) AS q FROM purchase_order_line ORDER BY 1"))
        .containsExactly(
            Map.of("order_key", "1", "q", "1.0000000000"),
            Map.of("order_key", "2", "q", "2.0000000000"));
  }

  @Test
  void aFailedBatchLeavesTheTablesAsTheyWere() {
    fixture().writeOrders(List.of(order("1", T0, "open", line(1, "1"))));
    fixture().execute("ALTER TABLE purchase_order MODIFY status VARCHAR(4)");

    assertThatThrownBy(
            () ->
                fixture()
                    .writeOrders(
                        WriteMode.REPLACE,
                        List.of(order("2", T0, "open"), order("3", T0, "approved"))))
        .isInstanceOfSatisfying(
            StepFailure.class, failure -> assertThat(failure.code()).isEqualTo("INVALID_DATA"))
        .hasMessageContaining("status")
        .satisfies(failure -> assertThat(failure.getMessage()).doesNotContain("INSERT", "SELECT"));
    assertThat(fixture().rows("SELECT `key` FROM purchase_order"))
        .containsExactly(Map.of("key", "1"));
    assertThat(fixture().count("purchase_order_line")).isEqualTo(1);
  }

  @Test
  void sendsABatchOfOrdersAsOneMultiRowInsert() {
    WriteFixture batchOf50 = DATABASE.newFixture(50);
    List<PurchaseOrder> orders =
        java.util.stream.IntStream.rangeClosed(1, 50)
            .mapToObj(i -> order(String.valueOf(i), T0, "open"))
            .toList();
    long before = insertStatements();

    WriteResult result = batchOf50.writeOrders(WriteMode.UPSERT, orders);

    assertThat(counts(result)).containsExactly(50L, 0L, 0L);
    // One multi-row INSERT for the 50 orders (no lines; the before-image copy is an INSERT ...
    // SELECT).
    assertThat(insertStatements() - before).isEqualTo(1);
  }

  @Test
  void writesToANamedTableAndItsLineTable() {
    WriteResult result =
        fixture()
            .write(
                fixture().database() + ".Orders",
                null,
                null,
                PurchaseOrder.ENTITY,
                List.of(order("1", T0, "open", line(1, "1"))));

    assertThat(result.target()).isEqualTo(fixture().database() + ".orders");
    assertThat(fixture().count("orders")).isEqualTo(1);
    assertThat(fixture().count("orders_line")).isEqualTo(1);
  }

  @Test
  void rejectsAnOrderWithoutKey() {
    assertThatThrownBy(
            () -> fixture().writeOrders(List.of(order("1", T0, "open"), order(null, T0, "open"))))
        .isInstanceOfSatisfying(
            StepFailure.class, failure -> assertThat(failure.code()).isEqualTo("MISSING_KEY"))
        .hasMessageContaining("record 2");
    assertThat(fixture().count("purchase_order")).isZero();
  }

  private long insertStatements() {
    return Long.parseLong(
        (String) fixture().row("SHOW GLOBAL STATUS LIKE 'Com_insert'").get("value"));
  }

  @Override
  protected SqlWriteDatabase<WriteFixture> database() {
    return DATABASE;
  }
}
