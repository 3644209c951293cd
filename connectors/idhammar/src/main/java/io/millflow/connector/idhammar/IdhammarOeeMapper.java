package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.ProductionRecord;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Maps an {@code idhammar.oee} row to a {@link ProductionRecord}: as {@link
 * IdhammarProductionMapper} for the period and counts (goodCount, rejectCount, reworkCount), plus
 * plannedProductionSeconds, runTimeSeconds, idealRatePerHour, and availability, performance,
 * quality and oee as exact fractions (0..1, four decimals, as the API sent them).
 */
@Singleton
public final class IdhammarOeeMapper implements UnifiedMapper {

  @Override
  public String sourceEntity() {
    return IdhammarOeeRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return ProductionRecord.ENTITY;
  }

  private static final Map<String, String> SOURCE_FIELDS = PeriodRows.sourceFields(PeriodRows.OEE);

  @Override
  public Set<String> publishedFields() {
    return IdhammarPublishedFields.OEE;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public ProductionRecord map(JsonNode source, MappingOptions options) {
    return PeriodRows.map(source, options, "OEE", PeriodRows.OEE);
  }
}
