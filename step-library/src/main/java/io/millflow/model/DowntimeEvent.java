package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * A stop of a machine or line. {@code endedAt} and {@code durationSeconds} are null while it lasts;
 * {@code planned} separates planned stops (changeover, break) from unplanned ones (breakdown),
 * which OEE availability counts.
 */
public record DowntimeEvent(
    String key,
    String assetKey,
    String siteKey,
    Instant startedAt,
    Instant endedAt,
    Long durationSeconds,
    String reasonCode,
    String reasonText,
    String category,
    Boolean planned,
    String shift,
    String operator,
    String orderNumber,
    Instant updatedAt,
    SourceRef source,
    Map<String, Object> customFields,
    JsonNode raw) {

  public static final String ENTITY = "downtimeEvent";

  public DowntimeEvent {
    customFields = UnifiedRecords.customFields(customFields);
    raw = UnifiedRecords.raw(raw);
  }
}
