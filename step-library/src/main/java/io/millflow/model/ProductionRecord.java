package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a machine produced in a period ({@code [periodStart, periodEnd)}): good, rejected and
 * reworked counts, and the period's OEE as the source computed it, {@code oee = availability ×
 * performance × quality}, each a fraction 0..1.
 */
public record ProductionRecord(
    String key,
    String assetKey,
    String siteKey,
    Instant periodStart,
    Instant periodEnd,
    String shift,
    String orderNumber,
    String itemCode,
    Long goodCount,
    Long rejectCount,
    Long reworkCount,
    String rejectReason,
    Long plannedProductionSeconds,
    Long runTimeSeconds,
    BigDecimal idealRatePerHour,
    BigDecimal availability,
    BigDecimal performance,
    BigDecimal quality,
    BigDecimal oee,
    Instant updatedAt,
    SourceRef source,
    Map<String, Object> customFields,
    JsonNode raw) {

  public static final String ENTITY = "productionRecord";

  public ProductionRecord {
    customFields = UnifiedRecords.customFields(customFields);
    raw = UnifiedRecords.raw(raw);
  }
}
