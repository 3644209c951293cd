package io.millflow.connector.netsuite;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import io.millflow.step.write.RecordWriteResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * Records in NetSuite what arrived against purchase orders: per unified order, an item receipt made
 * from the NetSuite order with that external id ({@code POST
 * record/v1/purchaseOrder/eid:{key}/!transform/itemReceipt}), or, with {@code findOrderBy:
 * internalId}, with the internal id in the order's source id (orders NetSuite made itself), for the
 * quantities its lines' {@code receivedQuantity} (received in all) exceed what NetSuite has
 * received; with {@code dryRun} it outputs per order what it would receive. Never receives twice:
 * see {@link ItemReceiptWrite}.
 */
@Singleton
@StepType(
    id = "netsuite.item-receipt.from-purchase-order",
    name = "Receive NetSuite purchase orders",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Makes NetSuite item receipts from purchase orders for the quantities received, finding"
            + " each order by its external id or, for orders NetSuite made, by its internal id"
            + " (the source id); a dry run shows what would be received.")
public final class NetSuiteItemReceiptFromPurchaseOrder
    implements Step<ReceiptInput, RecordWriteResult> {

  private final Map<OrderLookup, ExternalIdUpsert<PurchaseOrder>> receipts =
      new EnumMap<>(OrderLookup.class);

  @Inject
  public NetSuiteItemReceiptFromPurchaseOrder(NetSuiteClientFactory clients) {
    for (OrderLookup lookup : OrderLookup.values()) {
      receipts.put(
          lookup,
          new ExternalIdUpsert<>(
              new ReceiptMapping(lookup), new ItemReceiptWrite(lookup), clients));
    }
  }

  public NetSuiteItemReceiptFromPurchaseOrder() {
    this(new HttpNetSuiteClientFactory());
  }

  @Override
  public RecordWriteResult run(ReceiptInput input, StepContext context) {
    return receipts.get(OrderLookup.of(input.findOrderBy())).run(input.asUpsertInput(), context);
  }
}
