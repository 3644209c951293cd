package io.millflow.connector.netsuite;

import static io.millflow.connector.netsuite.NetSuiteOrders.line;
import static io.millflow.connector.netsuite.NetSuiteOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.PurchaseOrder;
import io.millflow.step.DatasetRef;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteDiff;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * netsuite.purchase-order.update against the sandbox: a dry run lists exactly the fields and lines
 * that would change and writes nothing; the update patches the order and replaces its lines (a line
 * kept is updated in place, one dropped is removed, a new one added), refuses an order that does
 * not exist with NetSuite's code, and a retried attempt sends nothing twice.
 */
class NetSuitePurchaseOrderUpdateTest {

  private static NetSuiteSandbox sandbox;
  private final TestStepContext context =
      new TestStepContext().withConnection(sandbox.tbaConnection("netsuite"));

  /** Another task: the step that created the orders. */
  private final TestStepContext setup =
      new TestStepContext()
          .withConnection(sandbox.tbaConnection("netsuite"))
          .withTaskKey("create-orders");

  private final NetSuitePurchaseOrderUpdate step =
      new NetSuitePurchaseOrderUpdate(NetSuiteTesting.clients());

  @BeforeAll
  static void start() {
    sandbox = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(5)).start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aDryRunShowsTheChangedFieldsAndLinesAndWritesNothing() {
    create(order("UPD-1", "first", line(1, "501", "10"), line(2, "502", "4")));
    ObjectNode before = sandbox.writtenRecord("purchaseOrder", "eid:UPD-1").orElseThrow();

    RecordWriteResult dry =
        step.run(
            input(
                orders(
                    order("UPD-1", "second", line(1, "501", "12"), line(3, "503", "7")),
                    order("UPD-NONE", "x", line(1, "501", "1"))),
                true),
            context);

    List<UpsertDiff> diffs = context.datasets().readAll(dry.records(), UpsertDiff.class);
    assertThat(diffs)
        .extracting(UpsertDiff::key, UpsertDiff::action, UpsertDiff::errorCode)
        .containsExactly(
            tuple("UPD-1", "update", null), tuple("UPD-NONE", "rejected", "NONEXISTENT_ID"));
    assertThat(diffs.get(0).changes())
        .extracting(
            WriteDiff.FieldChange::field,
            change -> shown(change.oldValue()),
            change -> shown(change.newValue()))
        .containsExactly(
            tuple("memo", "first", "second"),
            tuple("item[line=1].quantity", "10", "12"),
            tuple("item[line=3]", null, "item 503"),
            tuple("item[line=2]", "item 502", null));
    assertThat(dry.updates()).isEqualTo(1);
    assertThat(dry.rejected()).isEqualTo(1);
    assertThat(sandbox.writtenRecord("purchaseOrder", "eid:UPD-1").orElseThrow()).isEqualTo(before);
  }

  @Test
  void updatesTheOrderReplacingItsLinesOnceAndRefusesAnUnknownOrder() {
    create(order("UPD-2", "first", line(1, "501", "10"), line(2, "502", "4")));
    DatasetRef update =
        orders(
            order("UPD-2", "second", line(1, "501", "12"), line(3, "503", "7")),
            order("UPD-MISSING", "x", line(1, "501", "1")));

    RecordWriteResult written = step.run(input(update, false), context);
    long runs = sandbox.asyncRequestsRun();
    RecordWriteResult retried = step.run(input(update, false), context);

    assertThat(context.datasets().readAll(written.records(), UpsertOutcome.class))
        .extracting(UpsertOutcome::key, UpsertOutcome::outcome, UpsertOutcome::errorCode)
        .containsExactly(
            tuple("UPD-2", "updated", null), tuple("UPD-MISSING", "rejected", "NONEXISTENT_ID"));
    assertThat(retried.written()).isEqualTo(1);
    assertThat(sandbox.asyncRequestsRun()).isEqualTo(runs);
    ObjectNode stored = sandbox.writtenRecord("purchaseOrder", "eid:UPD-2").orElseThrow();
    assertThat(stored.path("memo").asText()).isEqualTo("second");
    assertThat(stored.at("/item/items"))
        .extracting(
            item -> item.path("line").asInt(),
            item -> item.path("item").path("id").asText(),
            item -> item.path("quantity").decimalValue().stripTrailingZeros().toPlainString())
        .containsExactly(tuple(1, "501", "12"), tuple(3, "503", "7"));
  }

  /** A value as the assertions read it: a line by its item, anything else by its text. */
  private static String shown(JsonNode value) {
    if (value == null) {
      return null;
    }
    return value.isObject() ? "item " + value.path("item").path("id").asText() : value.asText();
  }

  private void create(PurchaseOrder order) {
    NetSuiteOrders.create(setup, order);
  }

  private static UpsertInput input(DatasetRef orders, boolean dryRun) {
    return new UpsertInput("netsuite", orders, null, null, dryRun, true, 1.0);
  }

  private DatasetRef orders(PurchaseOrder... orders) {
    return NetSuiteOrders.dataset(context, orders);
  }
}
