package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A stocked item: a part or material (Plex part, NetSuite inventory item), or one stock record of
 * it at a location (Plex inventory container). Stock fields are null when the source describes the
 * item only; {@code itemKey} names the item a stock record belongs to.
 */
public record InventoryItem(
    String key,
    String code,
    String name,
    String description,
    String type,
    String status,
    Boolean active,
    String revision,
    String unitOfMeasure,
    String itemKey,
    String locationKey,
    String location,
    String lotNumber,
    BigDecimal quantityOnHand,
    BigDecimal quantityAvailable,
    BigDecimal unitCost,
    Integer leadTimeDays,
    String siteKey,
    Instant createdAt,
    Instant updatedAt,
    SourceRef source,
    Map<String, Object> customFields,
    JsonNode raw) {

  public static final String ENTITY = "inventoryItem";

  public InventoryItem {
    customFields = UnifiedRecords.customFields(customFields);
    raw = UnifiedRecords.raw(raw);
  }
}
