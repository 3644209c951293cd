package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A piece of equipment, a machine or a line (Plex equipment, Idhammar machine). {@code level} is
 * the ISA-95 equipment level where the source says it ({@code ProductionLine}, {@code WorkCell},
 * ...); {@code idealRatePerHour} is the machine's ideal output, which OEE performance is measured
 * against.
 */
public record Asset(
    String key,
    String code,
    String name,
    String description,
    String category,
    String level,
    String status,
    Boolean active,
    String parentKey,
    String siteKey,
    String locationKey,
    String make,
    String model,
    String serialNumber,
    BigDecimal idealRatePerHour,
    Instant createdAt,
    Instant updatedAt,
    SourceRef source,
    Map<String, Object> customFields,
    JsonNode raw) {

  public static final String ENTITY = "asset";

  public Asset {
    customFields = UnifiedRecords.customFields(customFields);
    raw = UnifiedRecords.raw(raw);
  }
}
