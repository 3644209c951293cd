package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Reads the purchase orders modified in {@code [modifiedSince, modifiedUntil)} with their item
 * lines into a {@code netsuite.purchaseOrder} dataset, one record per order in the shape of {@code
 * GET record/v1/purchaseOrder/{id} ?expandSubResources=true}. Bulk through SuiteQL: a page of
 * orders from {@code transaction}, then that page's lines from {@code transactionline} in one
 * query; windows on lastmodifieddate past NetSuite's 100,000-result ceiling (see {@link
 * SuiteQlWindowReader}). The cursor is the greatest lastModifiedDate read: the next run reads it
 * again (the start is inclusive), which an upserting sink absorbs.
 */
@Singleton
@StepType(
    id = "netsuite.purchase-orders.read",
    name = "Read NetSuite purchase orders",
    group = "Sources",
    timeoutSeconds = 600,
    description = "Reads NetSuite purchase orders, with item lines, modified in a period.")
public final class NetSuitePurchaseOrdersRead implements Step<SuiteQlReadInput, ReadResult> {

  /** The entity of the dataset this step writes; {@link NetSuitePurchaseOrderMapper} maps it. */
  public static final String ENTITY = "netsuite.purchaseOrder";

  private final NetSuiteClientFactory clients;

  @Inject
  public NetSuitePurchaseOrdersRead(NetSuiteClientFactory clients) {
    this.clients = clients;
  }

  /**
   * With the HTTP client, the JVM-wide token cache and concurrency limits: what a test outside a
   * container wants.
   */
  public NetSuitePurchaseOrdersRead() {
    this(new HttpNetSuiteClientFactory());
  }

  @Override
  public ReadResult run(SuiteQlReadInput input, StepContext context) {
    return SuiteQlRead.run(
        clients,
        context,
        input.plan(context),
        SuiteQlEntity.PURCHASE_ORDER,
        ENTITY,
        PurchaseOrderLines::attach);
  }
}
