package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.DowntimeEvent;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Maps an {@code idhammar.downtimeEvent} record to a {@link DowntimeEvent}: id → key, machineId →
 * assetKey, siteId → siteKey, startTime → startedAt, endTime → endedAt and durationSeconds →
 * durationSeconds (both null while the event is open), reasonCode, reasonText, category and planned
 * as they are, shift → shift, operator → operator, orderNo → orderNumber, updatedAt → updatedAt.
 */
@Singleton
public final class IdhammarDowntimeEventMapper implements UnifiedMapper {

  @Override
  public String sourceEntity() {
    return IdhammarDowntimeEventsRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return DowntimeEvent.ENTITY;
  }

  /**
   * The Idhammar field each unified field is read from (the list above, all in the Idhammar
   * interface's published shape), for the run's data-quality checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("assetKey", "machineId"),
          Map.entry("siteKey", "siteId"),
          Map.entry("startedAt", "startTime"),
          Map.entry("endedAt", "endTime"),
          Map.entry("durationSeconds", "durationSeconds"),
          Map.entry("reasonCode", "reasonCode"),
          Map.entry("reasonText", "reasonText"),
          Map.entry("category", "category"),
          Map.entry("planned", "planned"),
          Map.entry("shift", "shift"),
          Map.entry("operator", "operator"),
          Map.entry("orderNumber", "orderNo"),
          Map.entry("updatedAt", "updatedAt"));

  @Override
  public Set<String> publishedFields() {
    return IdhammarPublishedFields.DOWNTIME_EVENT;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public DowntimeEvent map(JsonNode source, MappingOptions options) {
    IdhammarRecord event = IdhammarRecord.of(source, "downtime event", "id");
    String id = event.requiredText("id");
    Instant updatedAt = event.requiredInstant("updatedAt");
    return new DowntimeEvent(
        id,
        event.requiredText("machineId"),
        event.text("siteId"),
        event.requiredInstant("startTime"),
        event.instant("endTime"),
        event.wholeNumber("durationSeconds"),
        event.text("reasonCode"),
        event.text("reasonText"),
        event.text("category"),
        event.bool("planned"),
        event.text("shift"),
        event.text("operator"),
        event.text("orderNo"),
        updatedAt,
        event.source(options, id, updatedAt),
        event.customFields(options.customFields()),
        event.raw(options));
  }
}
