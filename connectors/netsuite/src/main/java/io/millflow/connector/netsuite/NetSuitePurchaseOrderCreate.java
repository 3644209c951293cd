package io.millflow.connector.netsuite;

import io.millflow.model.PurchaseOrder;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import io.millflow.step.write.RecordWriteResult;
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
public final class NetSuitePurchaseOrderCreate implements Step<UpsertInput, RecordWriteResult> {

  private final ExternalIdUpsert<PurchaseOrder> upsert;

  @Inject
  public NetSuitePurchaseOrderCreate(NetSuiteClientFactory clients) {
    this.upsert = new ExternalIdUpsert<>(new PurchaseOrderCreateMapping(), clients);
  }

  public NetSuitePurchaseOrderCreate() {
    this(new HttpNetSuiteClientFactory());
  }

  @Override
  public RecordWriteResult run(UpsertInput input, StepContext context) {
    return upsert.run(input, context);
  }
}
