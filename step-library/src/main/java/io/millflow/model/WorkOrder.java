package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A production or maintenance work order (Plex job). Status follows the source; see each
 * connector's README.
 */
public record WorkOrder(
    String key,
    String code,
    String title,
    String status,
    String type,
    String priority,
    String itemKey,
    String itemCode,
    BigDecimal quantity,
    BigDecimal quantityCompleted,
    String assetKey,
    String siteKey,
    Instant scheduledAt,
    Instant dueAt,
    Instant completedAt,
    Instant createdAt,
    Instant updatedAt,
    SourceRef source,
    Map<String, Object> customFields,
    JsonNode raw) {

  public static final String ENTITY = "workOrder";

  public WorkOrder {
    customFields = UnifiedRecords.customFields(customFields);
    raw = UnifiedRecords.raw(raw);
  }
}
