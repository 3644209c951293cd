package io.millflow.connector.netsuite;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Creates NetSuite purchase orders from unified ones, lines in the same request ({@code POST
 * record/v1/purchaseOrder} with {@code externalId} from the order's key); with {@code dryRun} it
 * only reads each order by external id and outputs what it would create (an order that exists is
 * refused). Asynchronous requests with idempotency keys keep a retried attempt from creating an
 * order twice. Fields as {@link PurchaseOrderCreateMapping} writes them; the rest as {@link
 * ExternalIdUpsert} does it.
 */
@Singleton
@StepType(
    id = "netsuite.purchase-order.create",
    name = "Create NetSuite purchase orders",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Creates NetSuite purchase orders with their lines; a dry run shows what would be created.")
public final class NetSuitePurchaseOrderCreate extends NetSuiteWriteStep<PurchaseOrder> {

  @Inject
  public NetSuitePurchaseOrderCreate(NetSuiteClientFactory clients) {
    super(new PurchaseOrderCreateMapping(), clients);
  }

  public NetSuitePurchaseOrderCreate() {
    this(new HttpNetSuiteClientFactory());
  }
}
