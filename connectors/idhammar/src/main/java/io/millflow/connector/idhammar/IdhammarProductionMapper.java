package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.ProductionRecord;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Maps an {@code idhammar.production} row to a {@link ProductionRecord}: machineId → assetKey,
 * siteId → siteKey, periodStart/periodEnd, shift, orderNo → orderNumber, good/reject/rework →
 * goodCount/rejectCount/reworkCount, the reason with the most rejects → rejectReason, updatedAt;
 * key {@code <machineId>/<granularity>/<periodStart>}. OEE fields stay null: {@link
 * IdhammarOeeMapper} fills them from {@code idhammar.oee}.
 */
@Singleton
public final class IdhammarProductionMapper implements UnifiedMapper {

  @Override
  public String sourceEntity() {
    return IdhammarProductionRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return ProductionRecord.ENTITY;
  }

  private static final Map<String, String> SOURCE_FIELDS =
      PeriodRows.sourceFields(PeriodRows.PRODUCTION);

  @Override
  public Set<String> publishedFields() {
    return IdhammarPublishedFields.PRODUCTION;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public ProductionRecord map(JsonNode source, MappingOptions options) {
    return PeriodRows.map(source, options, "production", PeriodRows.PRODUCTION);
  }
}
