package io.millflow.connector.sql.testing;

import static io.millflow.connector.sql.testing.OrderVersionsContract.counts;
import static io.millflow.connector.sql.testing.Orders.T0;
import static io.millflow.connector.sql.testing.Orders.line;
import static io.millflow.connector.sql.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.WriteMode;
import io.millflow.step.WriteResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How every SQL sink's write step loads a purchase-order dataset in replace mode and in batches:
 * run against its real database by the sink's write-modes test, which adds the modes and failures
 * its database handles its own way.
 */
public abstract class WriteModesContract<F extends SqlWriteFixture> extends SqlWriteTest<F> {

  @Test
  void replaceModeEmptiesBothTablesThenLoads() {
    SqlWriteFixture fixture = fixture();
    fixture.writeOrders(
        List.of(order("1", T0, "open", line(1, "1")), order("2", T0, "open", line(1, "2"))));

    WriteResult result =
        fixture.writeOrders(WriteMode.REPLACE, List.of(order("3", T0, "open", line(1, "3"))));

    assertThat(counts(result)).containsExactly(1L, 0L, 0L);
    assertThat(fixture.rows("SELECT " + database().dialect().quote("key") + " FROM purchase_order"))
        .containsExactly(Map.of("key", "3"));
    assertThat(fixture.rows("SELECT order_key FROM purchase_order_line"))
        .containsExactly(Map.of("order_key", "3"));
  }

  @Test
  void reportsProgressAfterEachBatchAndLogsASummary() {
    SqlWriteFixture fixture = fixture();
    fixture.writeOrders(
        List.of(
            order("1", T0, "open"),
            order("2", T0, "open"),
            order("3", T0, "open"),
            order("4", T0, "open"),
            order("5", T0, "open")));

    assertThat(fixture.context().progressReports())
        .extracting(report -> report[0] + "/" + report[1])
        .containsExactly("2/5", "4/5", "5/5");
    assertThat(fixture.context().logLines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "INFO Wrote 5 purchaseOrder records to "
                            + fixture.schema()
                            + ".purchase_order (upsert): 5 inserted,"));
  }
}
