package io.millflow.connector.netsuite;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import io.millflow.step.write.RecordWriteResult;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Records in NetSuite what arrived against purchase orders: per unified order, an item receipt made
 * from the NetSuite order with that external id ({@code POST
 * record/v1/purchaseOrder/eid:{key}/!transform/itemReceipt}) for the quantities its lines' {@code
 * receivedQuantity} (received in all) exceed what NetSuite has received; with {@code dryRun} it
 * outputs per order what it would receive. Never receives twice: see {@link ItemReceiptWrite}.
 */
@Singleton
@StepType(
    id = "netsuite.item-receipt.from-purchase-order",
    name = "Receive NetSuite purchase orders",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Makes NetSuite item receipts from purchase orders for the quantities received; a dry run"
            + " shows what would be received.")
public final class NetSuiteItemReceiptFromPurchaseOrder
    implements Step<ReceiptInput, RecordWriteResult> {

  private final ExternalIdUpsert<PurchaseOrder> receipts;

  @Inject
  public NetSuiteItemReceiptFromPurchaseOrder(NetSuiteClientFactory clients) {
    this.receipts = new ExternalIdUpsert<>(new ReceiptMapping(), new ItemReceiptWrite(), clients);
  }

  public NetSuiteItemReceiptFromPurchaseOrder() {
    this(new HttpNetSuiteClientFactory());
  }

  @Override
  public RecordWriteResult run(ReceiptInput input, StepContext context) {
    return receipts.run(input.asUpsertInput(), context);
  }
}
