package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.ProductionRecord;
import io.millflow.model.UnifiedMapper.MappingOptions;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one mapping of a period row (production counts or OEE) to a {@link ProductionRecord}; the two
 * lists differ only in the names of their count fields and in OEE's time and ratio fields, which
 * {@link Fields} tells.
 *
 * <p>Both give the same key, {@code <machineId>/<granularity>/<periodStart>}, as they describe the
 * same machine and period: an OEE row is a production row plus times and ratios.
 */
final class PeriodRows {

  /** Where a row keeps each count, and whether it has OEE's times and ratios. */
  record Fields(String good, String reject, String rework, boolean oee) {}

  static final Fields PRODUCTION = new Fields("good", "reject", "rework", false);
  static final Fields OEE = new Fields("goodCount", "rejectCount", "reworkCount", true);

  private PeriodRows() {}

  /**
   * The Idhammar field each unified field is read from, for the run's data-quality checks: the
   * reject reasons of production rows, the times and ratios of OEE rows.
   */
  static Map<String, String> sourceFields(Fields fields) {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("key", "machineId / granularity / periodStart");
    sources.put("assetKey", "machineId");
    sources.put("siteKey", "siteId");
    sources.put("periodStart", "periodStart");
    sources.put("periodEnd", "periodEnd");
    sources.put("shift", "shift");
    sources.put("orderNumber", "orderNo");
    sources.put("goodCount", fields.good());
    sources.put("rejectCount", fields.reject());
    sources.put("reworkCount", fields.rework());
    sources.put("updatedAt", "updatedAt / periodEnd");
    if (!fields.oee()) {
      sources.put("rejectReason", "rejectReasons"); // OEE rows have no reasons
    } else {
      for (String same :
          List.of(
              "plannedProductionSeconds",
              "runTimeSeconds",
              "idealRatePerHour",
              "availability",
              "performance",
              "quality",
              "oee")) {
        sources.put(same, same);
      }
    }
    return Collections.unmodifiableMap(sources);
  }

  static ProductionRecord map(JsonNode source, MappingOptions options, String kind, Fields fields) {
    IdhammarRecord row =
        new IdhammarRecord(
            source,
            kind
                + " row of machine "
                + source.path("machineId").asText("?")
                + " for "
                + source.path("periodStart").asText("?"));
    String machineId = row.requiredText("machineId");
    Instant start = row.requiredInstant("periodStart");
    Instant end = row.requiredInstant("periodEnd");
    String key = machineId + "/" + row.requiredText("granularity") + "/" + start;
    Instant updatedAt = row.instant("updatedAt") != null ? row.instant("updatedAt") : end;
    boolean oee = fields.oee();
    return new ProductionRecord(
        key,
        machineId,
        row.text("siteId"),
        start,
        end,
        row.text("shift"),
        row.text("orderNo"),
        null,
        row.wholeNumber(fields.good()),
        row.wholeNumber(fields.reject()),
        row.wholeNumber(fields.rework()),
        mainRejectReason(source.path("rejectReasons")),
        oee ? row.wholeNumber("plannedProductionSeconds") : null,
        oee ? row.wholeNumber("runTimeSeconds") : null,
        oee ? row.decimal("idealRatePerHour") : null,
        oee ? row.decimal("availability") : null,
        oee ? row.decimal("performance") : null,
        oee ? row.decimal("quality") : null,
        oee ? row.decimal("oee") : null,
        updatedAt,
        row.source(options, key, updatedAt),
        row.customFields(options.customFields()),
        row.raw(options));
  }

  /** The text (else code) of the reason with the most rejects; null when there were none. */
  private static String mainRejectReason(JsonNode reasons) {
    JsonNode main = null;
    for (JsonNode reason : reasons) {
      if (main == null || reason.path("count").asLong() > main.path("count").asLong()) {
        main = reason;
      }
    }
    return main == null ? null : main.path("text").asText(main.path("code").asText(null));
  }
}
