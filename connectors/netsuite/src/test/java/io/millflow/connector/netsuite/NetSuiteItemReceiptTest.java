package io.millflow.connector.netsuite;

import static io.millflow.connector.netsuite.NetSuiteOrders.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.UnifiedMapper.MappingOptions;
import io.millflow.step.DatasetRef;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteDiff;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * netsuite.item-receipt.from-purchase-order against the sandbox: a dry run shows what would be
 * received and writes nothing; a receipt receives only the lines and quantities not yet received
 * (the rest of the order stays open); a re-run of the same orders receives nothing twice; more
 * received later makes a second receipt for the difference; an unknown order is refused with
 * NetSuite's code; an order NetSuite made itself (no external id) is found by the internal id in
 * its source id and received once.
 */
class NetSuiteItemReceiptTest {

  private static NetSuiteSandbox sandbox;
  private final TestStepContext context =
      new TestStepContext().withConnection(sandbox.tbaConnection("netsuite"));

  /** Another task: the step that created the orders. */
  private final TestStepContext setup =
      new TestStepContext()
          .withConnection(sandbox.tbaConnection("netsuite"))
          .withTaskKey("create-orders");

  private final NetSuiteItemReceiptFromPurchaseOrder step =
      new NetSuiteItemReceiptFromPurchaseOrder(NetSuiteTesting.clients());

  @BeforeAll
  static void start() {
    sandbox = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(5)).start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void aDryRunShowsWhatWouldBeReceivedAndWritesNothing() {
    create("RCV-DRY");
    long receipts = sandbox.writtenRecords("itemReceipt");

    RecordWriteResult dry =
        step.run(
            input(orders(received("RCV-DRY", "6", null), received("RCV-NONE", "1", null)), true),
            context);

    List<UpsertDiff> diffs = context.datasets().readAll(dry.records(), UpsertDiff.class);
    assertThat(diffs)
        .extracting(UpsertDiff::key, UpsertDiff::action, UpsertDiff::errorCode)
        .containsExactly(
            tuple("RCV-DRY", "create", null), tuple("RCV-NONE", "rejected", "NONEXISTENT_ID"));
    assertThat(diffs.get(0).changes())
        .extracting(
            WriteDiff.FieldChange::field,
            change -> change.oldValue().asText(),
            change -> change.newValue().asText())
        .containsExactly(tuple("item[line=1].quantityReceived", "0", "6"));
    assertThat(sandbox.writtenRecords("itemReceipt")).isEqualTo(receipts);
    assertThat(
            sandbox
                .writtenRecord("purchaseOrder", "eid:RCV-DRY")
                .orElseThrow()
                .at("/item/items/0/quantityReceived")
                .asText())
        .isEqualTo("0");
  }

  @Test
  void receivesWhatIsNotYetReceivedOnceAndTheRestLater() {
    create("RCV-1");
    long receipts = sandbox.writtenRecords("itemReceipt");
    DatasetRef sixArrived =
        orders(received("RCV-1", "6", null), received("RCV-MISSING", "1", null));

    RecordWriteResult first = step.run(input(sixArrived, false), context);
    RecordWriteResult rerun = step.run(input(sixArrived, false), context);
    TestStepContext later =
        new TestStepContext()
            .withConnection(sandbox.tbaConnection("netsuite"))
            .withTaskKey("a-later-run");
    RecordWriteResult rest =
        step.run(input(NetSuiteOrders.dataset(later, received("RCV-1", "10", "4")), false), later);

    assertThat(context.datasets().readAll(first.records(), UpsertOutcome.class))
        .extracting(UpsertOutcome::key, UpsertOutcome::outcome, UpsertOutcome::errorCode)
        .containsExactly(
            tuple("RCV-1", "received", null), tuple("RCV-MISSING", "rejected", "NONEXISTENT_ID"));
    assertThat(rerun.written()).isZero();
    assertThat(rerun.unchanged()).isEqualTo(1);
    assertThat(rest.written()).isEqualTo(1);
    assertThat(sandbox.writtenRecords("itemReceipt")).isEqualTo(receipts + 2);
    ObjectNode firstReceipt =
        sandbox.writtenRecord("itemReceipt", firstOutcome(first).internalId()).orElseThrow();
    assertThat(firstReceipt.at("/item/items"))
        .extracting(line -> line.path("orderLine").asInt(), line -> line.path("quantity").asText())
        .containsExactly(tuple(1, "6"));
    ObjectNode order = sandbox.writtenRecord("purchaseOrder", "eid:RCV-1").orElseThrow();
    assertThat(order.at("/item/items"))
        .extracting(line -> line.path("quantityReceived").decimalValue().intValue())
        .containsExactly(10, 4);
  }

  @Test
  void receivesAnOrderNetSuiteMadeByTheInternalIdInItsSourceIdOnce() {
    PurchaseOrder order = readFromNetSuite("10003");
    PurchaseOrderLine first = order.lines().get(0);
    BigDecimal before =
        first.receivedQuantity() == null ? BigDecimal.ZERO : first.receivedQuantity();
    BigDecimal inAll = before.add(BigDecimal.ONE);
    PurchaseOrder arrived = withFirstLineReceived(order, inAll);
    long receipts = sandbox.writtenRecords("itemReceipt");

    RecordWriteResult dry = step.run(byInternalId(orders(arrived), true), context);
    RecordWriteResult write = step.run(byInternalId(orders(arrived), false), context);
    RecordWriteResult rerun = step.run(byInternalId(orders(arrived), false), context);
    RecordWriteResult byExternalId = step.run(input(orders(arrived), false), context);

    assertThat(context.datasets().readAll(dry.records(), UpsertDiff.class))
        .extracting(UpsertDiff::action, UpsertDiff::internalId)
        .containsExactly(tuple("create", "10003"));
    UpsertOutcome received = firstOutcome(write);
    assertThat(received.outcome()).isEqualTo("received");
    assertThat(received.externalId()).startsWith("id10003-R-");
    assertThat(rerun.written()).isZero();
    assertThat(rerun.unchanged()).isEqualTo(1);
    assertThat(context.datasets().readAll(byExternalId.records(), UpsertOutcome.class))
        .extracting(UpsertOutcome::outcome, UpsertOutcome::errorCode)
        .containsExactly(tuple("rejected", "NONEXISTENT_ID"));
    assertThat(sandbox.writtenRecords("itemReceipt")).isEqualTo(receipts + 1);
    ObjectNode receipt = sandbox.writtenRecord("itemReceipt", received.internalId()).orElseThrow();
    assertThat(receipt.at("/createdFrom/id").asText()).isEqualTo("10003");
    assertThat(receipt.at("/item/items"))
        .extracting(line -> line.path("orderLine").asInt(), line -> line.path("quantity").asText())
        .containsExactly(tuple(first.lineNumber(), "1"));
    assertThat(readFromNetSuite("10003").lines().get(0).receivedQuantity())
        .isEqualByComparingTo(inAll);
  }

  @Test
  void refusesAnOrderWithoutASourceIdWhenFoundByInternalId() {
    RecordWriteResult dry =
        step.run(byInternalId(orders(received("RCV-NO-SOURCE", "1", null)), true), context);

    assertThat(context.datasets().readAll(dry.records(), UpsertDiff.class))
        .extracting(UpsertDiff::action, UpsertDiff::errorCode)
        .containsExactly(tuple("rejected", ItemReceiptWrite.NO_INTERNAL_ID));
  }

  /** The order as a NetSuite read maps it: key and source id its internal id, no external id. */
  private PurchaseOrder readFromNetSuite(String id) {
    DatasetRef fetched =
        new NetSuiteRecordGet(NetSuiteTesting.clients())
            .run(new NetSuiteRecordGet.Input("netsuite", "purchaseOrder", id, true), context);
    return new NetSuitePurchaseOrderMapper()
        .map(
            context.datasets().readAll(fetched, JsonNode.class).get(0),
            new MappingOptions("netsuite", false, List.of()));
  }

  /**
   * {@code order} with a key NetSuite has no external id for, and only its first line, received
   * {@code inAll}.
   */
  private static PurchaseOrder withFirstLineReceived(PurchaseOrder order, BigDecimal inAll) {
    PurchaseOrderLine first = order.lines().get(0);
    PurchaseOrderLine received =
        new PurchaseOrderLine(
            first.lineNumber(),
            first.key(),
            first.itemCode(),
            first.itemKey(),
            first.description(),
            first.quantity(),
            inAll,
            first.unitOfMeasure(),
            first.unitPrice(),
            first.amount(),
            first.status(),
            first.requiredDate(),
            first.deliveryDate(),
            first.updatedAt());
    return new PurchaseOrder(
        "MADE-BY-NETSUITE-" + order.key(),
        order.orderNumber(),
        order.vendorKey(),
        order.status(),
        order.type(),
        order.currency(),
        order.orderDate(),
        order.requiredDate(),
        order.approvedAt(),
        order.shipTo(),
        order.billTo(),
        order.paymentTerms(),
        order.incoterms(),
        order.siteKey(),
        order.notes(),
        order.totalAmount(),
        order.createdAt(),
        order.updatedAt(),
        List.of(received),
        order.source(),
        order.customFields(),
        null);
  }

  private static ReceiptInput byInternalId(DatasetRef orders, boolean dryRun) {
    return new ReceiptInput("netsuite", orders, null, "internalId", dryRun, true, 1.0);
  }

  private UpsertOutcome firstOutcome(RecordWriteResult result) {
    return context.datasets().readAll(result.records(), UpsertOutcome.class).get(0);
  }

  private void create(String key) {
    NetSuiteOrders.create(
        setup,
        order(key, null, NetSuiteOrders.line(1, "501", "10"), NetSuiteOrders.line(2, "502", "4")));
  }

  /** Order {@code key} with lines of 10 and 4, received in all as given (null: not told). */
  private static PurchaseOrder received(String key, String first, String second) {
    return order(key, null, line(1, "501", "10", first), line(2, "502", "4", second));
  }

  private static PurchaseOrderLine line(int number, String item, String quantity, String received) {
    return new PurchaseOrderLine(
        number,
        null,
        null,
        item,
        null,
        new BigDecimal(quantity),
        received == null ? null : new BigDecimal(received),
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static ReceiptInput input(DatasetRef orders, boolean dryRun) {
    return new ReceiptInput("netsuite", orders, null, null, dryRun, true, 1.0);
  }

  private DatasetRef orders(PurchaseOrder... orders) {
    return NetSuiteOrders.dataset(context, orders);
  }
}
