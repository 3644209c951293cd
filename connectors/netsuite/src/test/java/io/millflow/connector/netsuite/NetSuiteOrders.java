package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Unified purchase orders for the NetSuite write tests, and their creation in the sandbox. */
final class NetSuiteOrders {

  private NetSuiteOrders() {}

  /** The orders as a dataset of the context. */
  static DatasetRef dataset(TestStepContext context, PurchaseOrder... orders) {
    try (DatasetWriter writer = context.datasets().create(PurchaseOrder.ENTITY)) {
      List.of(orders).forEach(writer::add);
      return writer.finish();
    }
  }

  /**
   * Creates the order in NetSuite with netsuite.purchase-order.create, run as the context's task.
   */
  static void create(TestStepContext context, PurchaseOrder order) {
    RecordWriteResult created =
        new NetSuitePurchaseOrderCreate(NetSuiteTesting.clients())
            .run(
                new UpsertInput("netsuite", dataset(context, order), null, null, false, true, 0.0),
                context);
    assertThat(created.written()).isEqualTo(1);
  }

  static PurchaseOrderLine line(int number, String itemKey, String quantity) {
    return new PurchaseOrderLine(
        number,
        null,
        null,
        itemKey,
        null,
        new BigDecimal(quantity),
        null,
        null,
        new BigDecimal("2.50"),
        null,
        null,
        null,
        null,
        null);
  }

  static PurchaseOrder order(String key, String notes, PurchaseOrderLine... lines) {
    return new PurchaseOrder(
        key,
        null,
        "2001",
        null,
        null,
        null,
        Instant.parse("2026-03-02T08:00:00Z"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        notes,
        null,
        null,
        null,
        List.of(lines),
        null,
        null,
        null);
  }
}
