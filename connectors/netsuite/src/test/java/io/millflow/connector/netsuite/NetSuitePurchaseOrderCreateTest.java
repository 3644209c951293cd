package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * netsuite.purchase-order.create against the sandbox: orders with their lines, NetSuite's refusal
 * of an unknown vendor, no second order on a retried attempt, and a dry run that refuses orders
 * that exist.
 */
class NetSuitePurchaseOrderCreateTest {

  private static NetSuiteSandbox sandbox;
  private final TestStepContext context =
      new TestStepContext().withConnection(sandbox.tbaConnection("netsuite"));
  private final NetSuitePurchaseOrderCreate step =
      new NetSuitePurchaseOrderCreate(NetSuiteTesting.clients());

  @BeforeAll
  static void start() {
    sandbox = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(5)).start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void createsEachOrderOnceWithItsLinesAndRefusesAnUnknownVendor() {
    DatasetRef orders = orders(order("WH-PO-1", "2001"), order("WH-PO-2", "999999"));
    UpsertInput create = new UpsertInput("netsuite", orders, null, null, false, true, 1.0);

    RecordWriteResult first = step.run(create, context);
    long runs = sandbox.asyncRequestsRun();
    RecordWriteResult retried = step.run(create, context);
    RecordWriteResult dry =
        step.run(new UpsertInput("netsuite", orders, null, null, true, null, null), context);

    assertThat(context.datasets().readAll(first.records(), UpsertOutcome.class))
        .extracting(UpsertOutcome::key, UpsertOutcome::outcome, UpsertOutcome::errorCode)
        .containsExactly(
            tuple("WH-PO-1", "created", null), tuple("WH-PO-2", "rejected", "INVALID_KEY_OR_REF"));
    assertThat(retried.written()).isEqualTo(1);
    assertThat(List.of(first.creates(), first.updates(), first.rejected()))
        .containsExactly(1L, 0L, 1L);
    assertThat(sandbox.asyncRequestsRun()).isEqualTo(runs);
    assertThat(sandbox.writtenRecords("purchaseOrder")).isEqualTo(1);
    ObjectNode stored = sandbox.writtenRecord("purchaseOrder", "eid:WH-PO-1").orElseThrow();
    assertThat(stored.at("/entity/id").asText()).isEqualTo("2001");
    assertThat(stored.at("/item/items/0/item/id").asText()).isEqualTo("501");
    assertThat(stored.at("/item/items/0/quantity").decimalValue()).isEqualByComparingTo("10");
    assertThat(stored.path("tranDate").asText()).isEqualTo("2026-03-02");
    assertThat(context.datasets().readAll(dry.records(), UpsertDiff.class))
        .extracting(UpsertDiff::key, UpsertDiff::action, UpsertDiff::errorCode)
        .containsExactly(
            tuple("WH-PO-1", "rejected", "RECORD_EXISTS"), tuple("WH-PO-2", "create", null));
  }

  private DatasetRef orders(PurchaseOrder... orders) {
    try (DatasetWriter writer = context.datasets().create(PurchaseOrder.ENTITY)) {
      List.of(orders).forEach(writer::add);
      return writer.finish();
    }
  }

  private static PurchaseOrder order(String key, String vendorKey) {
    PurchaseOrderLine line =
        new PurchaseOrderLine(
            1,
            key + "-1",
            "ITM-00001",
            "501",
            "Bearing 6204-2RS",
            new BigDecimal("10"),
            null,
            "ea",
            new BigDecimal("2.50"),
            null,
            null,
            null,
            null,
            null);
    return new PurchaseOrder(
        key,
        null,
        vendorKey,
        null,
        null,
        "USD",
        Instant.parse("2026-03-02T08:00:00Z"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "Dock 2",
        null,
        null,
        null,
        List.of(line),
        null,
        null,
        null);
  }
}
