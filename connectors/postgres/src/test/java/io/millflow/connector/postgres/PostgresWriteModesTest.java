package io.millflow.connector.postgres;

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
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Write modes, batching, table evolution and the failures a user can fix. */
class PostgresWriteModesTest extends WriteModesContract<WriteFixture> {

  @RegisterExtension static final PostgresWriteDatabase DATABASE = new PostgresWriteDatabase();

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

    assertThat(List.of(result.inserted(), result.updated(), result.unchanged()))
        .containsExactly(1L, 0L, 1L);
    assertThat(fixture().rows("SELECT key, status FROM purchase_order ORDER BY key"))
        .containsExactly(
            Map.of("key", "1", "status", "open"), Map.of("key", "2", "status", "open"));
    assertThat(fixture().rows("SELECT order_key, quantity FROM purchase_order_line ORDER BY 1"))
        .containsExactly(
            Map.of("order_key", "1", "quantity", new BigDecimal("1")),
            Map.of("order_key", "2", "quantity", new BigDecimal("2")));
  }

  @Test
  void addsTheColumnsAnOlderTableLacksAndKeepsItsRows() {
    fixture()
        .execute(
            "CREATE TABLE purchase_order (key text PRIMARY KEY, status text, legacy_note text)");
    fixture().execute("INSERT INTO purchase_order VALUES ('1', 'open', 'keep me')");

    WriteResult result =
        fixture().writeOrders(List.of(order("1", T0, "approved"), order("2", T0, "open")));

    assertThat(List.of(result.inserted(), result.updated())).containsExactly(1L, 1L);
    assertThat(fixture().columns("purchase_order"))
        .contains(
            "legacy_note text",
            "source_updated_at timestamp with" + " time zone",
            "custom_fields jsonb",
            "synced_at timestamp with time zone");
    assertThat(
            fixture()
                .row(
                    "SELECT status, legacy_note, order_number FROM purchase_order WHERE key = '1'"))
        .containsEntry("status", "approved")
        .containsEntry("legacy_note", "keep me")
        .containsEntry("order_number", "PO-1");
  }

  @Test
  void writesToANamedTableAndItsLineTable() {
    String table = fixture().schema().toUpperCase() + ".Orders";

    WriteResult result =
        fixture()
            .write(
                table,
                null,
                null,
                PurchaseOrder.ENTITY,
                List.of(order("1", T0, "open", line(1, "1"))));

    assertThat(result.target()).isEqualTo(fixture().schema() + ".orders");
    assertThat(fixture().count("orders")).isEqualTo(1);
    assertThat(fixture().count("orders_line")).isEqualTo(1);
  }

  @Test
  void rejectsAnInvalidTableNameNamingTheInput() {
    for (String table : List.of("orders; DROP TABLE x", "a.b.c", "1orders", "\"orders\"")) {
      assertThatThrownBy(() -> fixture().write(table, null, null, PurchaseOrder.ENTITY, List.of()))
          .isInstanceOfSatisfying(
              StepFailure.class, failure -> assertThat(failure.code()).isEqualTo("INVALID_TABLE"))
          .hasMessageContaining("'table'");
    }
  }

  @Test
  void rejectsAnOrderWithoutKeyAndWritesNothing() {
    assertThatThrownBy(
            () -> fixture().writeOrders(List.of(order("1", T0, "open"), order(null, T0, "open"))))
        .isInstanceOfSatisfying(
            StepFailure.class, failure -> assertThat(failure.code()).isEqualTo("MISSING_KEY"))
        .hasMessageContaining("record 2");
    assertThat(fixture().columns("purchase_order")).isEmpty();
  }

  @Test
  void rejectsDataTheTableCannotHoldWithoutShowingSql() {
    fixture().execute("CREATE TABLE purchase_order (key text PRIMARY KEY, status integer)");

    assertThatThrownBy(() -> fixture().writeOrders(List.of(order("1", T0, "open"))))
        .isInstanceOfSatisfying(
            StepFailure.class, failure -> assertThat(failure.code()).isEqualTo("INVALID_DATA"))
        .hasMessageContaining("integer")
        .hasMessageContaining("status")
        .satisfies(
            failure ->
                assertThat(failure.getMessage()).doesNotContain("INSERT", "FROM STDIN", "SELECT"));
  }

  @Test
  void aTableTheUserMayNotChangeFailsNamingTheConnection() {
    fixture().executeAsSuperuser("CREATE TABLE purchase_order (key text PRIMARY KEY)");

    assertThatThrownBy(() -> fixture().writeOrders(List.of(order("1", T0, "open"))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("PERMISSION_DENIED"))
        .hasMessageContaining("'" + WriteFixture.CONNECTION + "'");
  }

  @Test
  void rejectsARecordThatIsNotAPurchaseOrder() {
    assertThatThrownBy(
            () ->
                fixture()
                    .write(
                        null,
                        null,
                        null,
                        PurchaseOrder.ENTITY,
                        List.of(Map.of("key", "1", "totalAmount", "twelve"))))
        .isInstanceOfSatisfying(
            StepFailure.class, failure -> assertThat(failure.code()).isEqualTo("INVALID_RECORD"));
  }

  @Override
  protected SqlWriteDatabase<WriteFixture> database() {
    return DATABASE;
  }
}
