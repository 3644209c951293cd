package io.millflow.connector.netsuite;

import io.millflow.model.InventoryItem;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Upserts unified inventory items into NetSuite by external id ({@code PUT
 * record/v1/inventoryItem/eid:{id}}), so a re-run updates rather than duplicates; with {@code
 * dryRun} it only reads and outputs what would change. Fields as {@link InventoryItemUpsertMapping}
 * writes them; the rest as {@link ExternalIdUpsert} does it. Example input: {@code {"connection":
 * "netsuite", "records": "=items", "dryRun": true}}.
 */
@Singleton
@StepType(
    id = "netsuite.inventory-item.upsert",
    name = "Upsert NetSuite inventory items",
    group = "Sinks",
    timeoutSeconds = 1800,
    description =
        "Creates or updates NetSuite inventory items by external id; a dry run shows what would change.")
public final class NetSuiteInventoryItemUpsert extends NetSuiteWriteStep<InventoryItem> {

  @Inject
  public NetSuiteInventoryItemUpsert(NetSuiteClientFactory clients) {
    super(new InventoryItemUpsertMapping(), clients);
  }

  public NetSuiteInventoryItemUpsert() {
    this(new HttpNetSuiteClientFactory());
  }
}
