package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.InventoryItem;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Maps a {@code netsuite.inventoryItem} record to the unified {@link InventoryItem}: id → key,
 * itemId → code, displayName (else itemId) → name, purchaseDescription → description, type
 * "inventoryItem", isInactive → active and status, stockUnit.refName → unitOfMeasure,
 * quantityOnHand, quantityAvailable, cost (else averageCost) → unitCost, subsidiary.id → siteKey,
 * createdDate → createdAt, lastModifiedDate → updatedAt. The item fields are a guess (SYSTEMS.md).
 */
@Singleton
public final class NetSuiteInventoryItemMapper implements UnifiedMapper {

  @Override
  public String sourceEntity() {
    return NetSuiteInventoryItemsRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return InventoryItem.ENTITY;
  }

  /**
   * The NetSuite field each unified field is read from (the list above), for the run's data-quality
   * checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("code", "itemId"),
          Map.entry("name", "displayName / itemId"),
          Map.entry("description", "purchaseDescription"),
          Map.entry("status", "isInactive"),
          Map.entry("active", "isInactive"),
          Map.entry("unitOfMeasure", "stockUnit.refName"),
          Map.entry("quantityOnHand", "quantityOnHand"),
          Map.entry("quantityAvailable", "quantityAvailable"),
          Map.entry("unitCost", "cost / averageCost"),
          Map.entry("siteKey", "subsidiary.id"),
          Map.entry("createdAt", "createdDate"),
          Map.entry("updatedAt", "lastModifiedDate"));

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public InventoryItem map(JsonNode source, MappingOptions options) {
    NetSuiteRecord item = NetSuiteRecord.of(source, "inventoryItem");
    String id = item.requiredText("id");
    Instant updatedAt = item.requiredInstant("lastModifiedDate");
    Boolean inactive = item.bool("isInactive");
    String name = item.text("displayName");
    BigDecimal cost = item.decimal("cost");
    return new InventoryItem(
        id,
        item.text("itemId"),
        name != null ? name : item.text("itemId"),
        item.text("purchaseDescription"),
        "inventoryItem",
        inactive == null ? null : inactive ? "Inactive" : "Active",
        inactive == null ? null : !inactive,
        null,
        item.refName("stockUnit"),
        null,
        null,
        null,
        null,
        item.decimal("quantityOnHand"),
        item.decimal("quantityAvailable"),
        cost != null ? cost : item.decimal("averageCost"),
        null,
        item.refId("subsidiary"),
        item.instant("createdDate"),
        updatedAt,
        new SourceRef("netsuite", options.connection(), id, updatedAt),
        item.customFields(options.customFields()),
        options.includeRaw() ? source : null);
  }
}
