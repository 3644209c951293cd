package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Reads the inventory items modified in {@code [modifiedSince, modifiedUntil)} into a {@code
 * netsuite.inventoryItem} dataset, one record per inventoryItem in the shape of {@code GET
 * record/v1/inventoryItem/{id}}, in bulk through SuiteQL with the same windowing as {@link
 * NetSuitePurchaseOrdersRead}.
 */
@Singleton
@StepType(
    id = "netsuite.inventory-items.read",
    name = "Read NetSuite inventory items",
    group = "Sources",
    timeoutSeconds = 600,
    description = "Reads NetSuite inventory items modified in a period.")
public final class NetSuiteInventoryItemsRead implements Step<SuiteQlReadInput, ReadResult> {

  /** The entity of the dataset this step writes; {@link NetSuiteInventoryItemMapper} maps it. */
  public static final String ENTITY = "netsuite.inventoryItem";

  private final NetSuiteClientFactory clients;

  @Inject
  public NetSuiteInventoryItemsRead(NetSuiteClientFactory clients) {
    this.clients = clients;
  }

  public NetSuiteInventoryItemsRead() {
    this(new HttpNetSuiteClientFactory());
  }

  @Override
  public ReadResult run(SuiteQlReadInput input, StepContext context) {
    return SuiteQlRead.run(
        clients,
        context,
        input.plan(context),
        SuiteQlEntity.INVENTORY_ITEM,
        ENTITY,
        SuiteQlRead.oneToOne(SuiteQlEntity.INVENTORY_ITEM));
  }
}
