package io.millflow.connector.postgres;

import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.sql.PurchaseOrderLayout;
import io.millflow.connector.sql.TableName;
import io.millflow.connector.sql.WriteCounts;
import io.millflow.connector.sql.WriteMode;
import io.millflow.connector.sql.testing.SqlWriteDatabase;
import io.millflow.connector.sql.testing.SqlWriteTest;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.StepFailure;
import io.millflow.step.WriteResult;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Batches whose keys are not stored yet are COPYed straight into the tables; any other batch is
 * merged.
 */
class PostgresWriteDirectLoadTest extends SqlWriteTest<WriteFixture> {

  @RegisterExtension static final PostgresWriteDatabase DATABASE = new PostgresWriteDatabase();

  @Test
  void batchesOfNewKeysAreCopiedStraightIntoBothTablesWithoutAMerge() throws SQLException {
    List<String> statements = new ArrayList<>();

    WriteCounts counts =
        writeDirectly(
            statements,
            List.of(
                order("1", T0, "open", line(1, "1"), line(2, "2")),
                order("1", T0.minusSeconds(1), "stale"),
                order("2", T0, "open", line(1, "3")),
                order("3", T0, "open")));

    assertThat(counts).isEqualTo(new WriteCounts(3, 0, 1));
    assertThat(statements).noneMatch(sql -> sql.contains("INSERT INTO millflow_changed"));
    assertThat(fixture().rows("SELECT key, status FROM purchase_order ORDER BY key"))
        .containsExactly(
            Map.of("key", "1", "status", "open"),
            Map.of("key", "2", "status", "open"),
            Map.of("key", "3", "status", "open"));
    assertThat(
            fixture()
                .rows(
                    "SELECT order_key, line_number, quantity FROM purchase_order_line ORDER BY 1, 2"))
        .containsExactly(
            Map.of("order_key", "1", "line_number", 1, "quantity", new BigDecimal("1")),
            Map.of("order_key", "1", "line_number", 2, "quantity", new BigDecimal("2")),
            Map.of("order_key", "2", "line_number", 1, "quantity", new BigDecimal("3")));
    assertThat(fixture().row("SELECT count(*) AS n FROM purchase_order WHERE synced_at IS NULL"))
        .containsEntry("n", 0L);
    assertThat(
            fixture().row("SELECT count(*) AS n FROM purchase_order_line WHERE synced_at IS NULL"))
        .containsEntry("n", 0L);
  }

  @Test
  void aBatchMixingStoredAndNewKeysIsMergedWithNewerWins() throws SQLException {
    fixture()
        .writeOrders(
            List.of(
                order("1", T0.plusSeconds(60), "approved", line(1, "5")),
                order("2", T0, "open", line(1, "6"))));
    List<String> statements = new ArrayList<>();

    WriteCounts counts =
        writeDirectly(
            statements,
            List.of(
                order("1", T0, "stale", line(1, "9")),
                order("3", T0, "open", line(1, "7")),
                order("2", T0.plusSeconds(1), "approved", line(2, "8"))));

    assertThat(counts).isEqualTo(new WriteCounts(1, 1, 0, 1, null));
    assertThat(statements).anyMatch(sql -> sql.contains("INSERT INTO millflow_changed"));
    assertThat(fixture().rows("SELECT key, status FROM purchase_order ORDER BY key"))
        .containsExactly(
            Map.of("key", "1", "status", "approved"),
            Map.of("key", "2", "status", "approved"),
            Map.of("key", "3", "status", "open"));
    assertThat(
            fixture()
                .rows(
                    "SELECT order_key, line_number, quantity FROM purchase_order_line ORDER BY 1, 2"))
        .containsExactly(
            Map.of("order_key", "1", "line_number", 1, "quantity", new BigDecimal("5")),
            Map.of("order_key", "2", "line_number", 2, "quantity", new BigDecimal("8")),
            Map.of("order_key", "3", "line_number", 1, "quantity", new BigDecimal("7")));
  }

  @Test
  void aKeyRepeatedInALaterBatchIsMergedAndCountedAsAnUpdate() {
    WriteResult result =
        fixture()
            .writeOrders(
                List.of(
                    order("1", T0, "open", line(1, "1")),
                    order("2", T0, "open"),
                    order("1", T0.plusSeconds(1), "approved", line(1, "4")),
                    order("3", T0, "open")));

    assertThat(counts(result)).containsExactly(3L, 1L, 0L);
    assertThat(fixture().row("SELECT status FROM purchase_order WHERE key = '1'"))
        .containsEntry("status", "approved");
    assertThat(fixture().rows("SELECT order_key, quantity FROM purchase_order_line"))
        .containsExactly(Map.of("order_key", "1", "quantity", new BigDecimal("4")));
  }

  @Test
  void replaceModeLoadsTheStoredKeysAgainAsInserts() {
    fixture()
        .writeOrders(
            List.of(
                order("1", T0.plusSeconds(60), "approved", line(1, "5"), line(2, "6")),
                order("2", T0, "open")));

    WriteResult result =
        fixture()
            .write(
                null,
                WriteMode.REPLACE,
                null,
                PurchaseOrder.ENTITY,
                List.of(order("1", T0, "draft", line(1, "9")), order("3", T0, "open")));

    assertThat(counts(result)).containsExactly(2L, 0L, 0L);
    assertThat(fixture().rows("SELECT key, status FROM purchase_order ORDER BY key"))
        .containsExactly(
            Map.of("key", "1", "status", "draft"), Map.of("key", "3", "status", "open"));
    assertThat(fixture().rows("SELECT order_key, quantity FROM purchase_order_line"))
        .containsExactly(Map.of("order_key", "1", "quantity", new BigDecimal("9")));
  }

  @Test
  void aNewOrderReplacesLinesStoredWithoutTheirOrder() {
    fixture().writeOrders(List.of(order("1", T0, "open", line(1, "1"))));
    fixture()
        .execute(
            "INSERT INTO purchase_order_line (order_key, line_number, quantity) VALUES ('2', 1, 99), "
                + "('2', 7, 98)");

    WriteResult result = fixture().writeOrders(List.of(order("2", T0, "open", line(1, "3"))));

    assertThat(counts(result)).containsExactly(1L, 0L, 0L);
    assertThat(
            fixture()
                .rows(
                    "SELECT order_key, line_number, quantity FROM purchase_order_line ORDER BY 1, 2"))
        .containsExactly(
            Map.of("order_key", "1", "line_number", 1, "quantity", new BigDecimal("1")),
            Map.of("order_key", "2", "line_number", 1, "quantity", new BigDecimal("3")));
  }

  @Test
  void aFailureInALaterBatchLeavesTheTablesAsTheyWere() {
    fixture().writeOrders(List.of(order("1", T0, "open", line(1, "1"))));
    List<Map<String, Object>> orders = fixture().rows("SELECT * FROM purchase_order ORDER BY key");
    List<Map<String, Object>> lines =
        fixture().rows("SELECT * FROM purchase_order_line ORDER BY 1, 2");

    assertThatThrownBy(
            () ->
                fixture()
                    .writeOrders(
                        List.of(
                            order("2", T0, "open", line(1, "2")),
                            order("3", T0, "open", line(1, "3")),
                            order("4", T0, "open", line(1, "4"), line(1, "5")))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("DUPLICATE_LINE"));

    assertThat(fixture().rows("SELECT * FROM purchase_order ORDER BY key")).isEqualTo(orders);
    assertThat(fixture().rows("SELECT * FROM purchase_order_line ORDER BY 1, 2")).isEqualTo(lines);
  }

  @Test
  void aFailureInTheFirstWriteLeavesNoTables() {
    assertThatThrownBy(
            () ->
                fixture()
                    .writeOrders(
                        List.of(
                            order("1", T0, "open", line(1, "1")),
                            order("2", T0, "open"),
                            order("3", T0, "open", line(2, "1"), line(2, "2")))))
        .isInstanceOfSatisfying(
            StepFailure.class, f -> assertThat(f.code()).isEqualTo("DUPLICATE_LINE"));

    assertThat(fixture().columns("purchase_order")).isEmpty();
    assertThat(fixture().columns("purchase_order_line")).isEmpty();
  }

  /**
   * Runs the writer in one transaction as the step does (batches of 2), recording the statements it
   * sends.
   */
  private WriteCounts writeDirectly(List<String> statements, List<PurchaseOrder> orders)
      throws SQLException {
    TableName table = TableName.of(fixture().schema(), "purchase_order");
    return DATABASE
        .database()
        .admin()
        .inTransaction(
            handle -> {
              handle
                  .getConfig(SqlStatements.class)
                  .setSqlLogger(
                      new SqlLogger() {
                        @Override
                        public void logBeforeExecution(StatementContext context) {
                          statements.add(context.getRenderedSql());
                        }
                      });
              return new UnifiedWriter(2)
                  .write(
                      handle,
                      table,
                      PurchaseOrderLayout.ORDERS,
                      new OrderLines(table),
                      WriteMode.UPSERT,
                      orders.stream(),
                      done -> {});
            });
  }

  private static List<Long> counts(WriteResult result) {
    return List.of(result.inserted(), result.updated(), result.unchanged());
  }

  @Override
  protected SqlWriteDatabase<WriteFixture> database() {
    return DATABASE;
  }
}
