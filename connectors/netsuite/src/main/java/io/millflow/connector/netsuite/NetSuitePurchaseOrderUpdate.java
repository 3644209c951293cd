package io.millflow.connector.netsuite;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Updates NetSuite purchase orders by external id from unified ones, lines in the same request
 * ({@code PATCH record/v1/purchaseOrder/eid:{key}?replace=item}); with {@code dryRun} it reads each
 * order with its lines and outputs the fields and lines that would change (an order that does not
 * exist is refused, NONEXISTENT_ID). Asynchronous requests with idempotency keys keep a retried
 * attempt from sending an update twice; the update itself is idempotent (the same order twice is
 * the same order). Fields as {@link PurchaseOrderUpdateMapping} writes them; the rest as {@link
 * ExternalIdUpsert} does it.
 */
@Singleton
@StepType(
    id = "netsuite.purchase-order.update",
    name = "Update NetSuite purchase orders",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Updates NetSuite purchase orders and their lines by external id; a dry run shows what would"
            + " change.")
public final class NetSuitePurchaseOrderUpdate extends NetSuiteWriteStep<PurchaseOrder> {

  @Inject
  public NetSuitePurchaseOrderUpdate(NetSuiteClientFactory clients) {
    super(new PurchaseOrderUpdateMapping(), clients);
  }

  public NetSuitePurchaseOrderUpdate() {
    this(new HttpNetSuiteClientFactory());
  }
}
