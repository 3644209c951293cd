package io.millflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnifiedRecordsTest {

  private static final SourceRef SOURCE =
      new SourceRef("idhammar", "oee", "evt-1", Instant.parse("2026-11-24T08:00:00.123456Z"));

  @Test
  void namesEverySevenEntityOfTheDesign() {
    assertThat(UnifiedRecords.ENTITIES)
        .containsOnlyKeys(
            "purchaseOrder",
            "vendor",
            "inventoryItem",
            "workOrder",
            "asset",
            "downtimeEvent",
            "productionRecord");
  }

  @Test
  void downtimeEventSurvivesJsonWithItsInstantsAndNullCustomFieldValues() throws Exception {
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("operatorBadge", null);
    custom.put("line", "L2");
    DowntimeEvent event =
        new DowntimeEvent(
            "evt-1",
            "M-7",
            "site-1",
            Instant.parse("2026-11-24T06:00:00Z"),
            Instant.parse("2026-11-24T06:12:30Z"),
            750L,
            "MECH-01",
            "Conveyor jam",
            "Mechanical",
            false,
            "A",
            "jd",
            "WO-1",
            SOURCE.sourceUpdatedAt(),
            SOURCE,
            custom,
            null);

    String json = Json.mapper().writeValueAsString(event);
    DowntimeEvent back = Json.mapper().readValue(json, DowntimeEvent.class);

    assertThat(back).isEqualTo(event);
    assertThat(back.customFields()).containsKeys("operatorBadge", "line");
  }

  @Test
  void productionRecordKeepsDecimalsExact() throws Exception {
    ProductionRecord record =
        new ProductionRecord(
            "p-1",
            "M-7",
            null,
            Instant.parse("2026-11-24T06:00:00Z"),
            Instant.parse("2026-11-24T07:00:00Z"),
            "A",
            null,
            "PART-1",
            950L,
            40L,
            10L,
            "Dimension",
            3600L,
            3150L,
            new BigDecimal("1200"),
            new BigDecimal("0.8750"),
            new BigDecimal("0.9524"),
            new BigDecimal("0.9500"),
            new BigDecimal("0.7917"),
            SOURCE.sourceUpdatedAt(),
            SOURCE,
            null,
            null);

    JsonNode json = Json.mapper().valueToTree(record);

    assertThat(json.get("oee").decimalValue()).isEqualByComparingTo("0.7917");
    assertThat(Json.mapper().treeToValue(json, ProductionRecord.class).customFields()).isEmpty();
  }
}
