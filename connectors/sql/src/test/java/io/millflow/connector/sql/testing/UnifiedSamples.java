package io.millflow.connector.sql.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.Address;
import io.millflow.model.Asset;
import io.millflow.model.DowntimeEvent;
import io.millflow.model.InventoryItem;
import io.millflow.model.ProductionRecord;
import io.millflow.model.SourceRef;
import io.millflow.model.Vendor;
import io.millflow.model.WorkOrder;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fully populated record of each unified entity other than purchase orders (which have their
 * own tests), for the sinks' round-trip tests: every field set, with values that catch lossy types
 * (micro-second instants, decimals with many digits, 64-bit counts, nested JSON). {@code label}
 * lands in the column {@link #LABEL_COLUMNS} names, so a test can tell versions apart.
 */
public final class UnifiedSamples {

  public static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
  public static final Instant MICROS = Instant.parse("2024-03-05T08:30:15.123456Z");

  /** The column each entity's {@code label} is written to. */
  public static final Map<String, String> LABEL_COLUMNS =
      Map.of(
          Vendor.ENTITY,
          "status",
          InventoryItem.ENTITY,
          "status",
          WorkOrder.ENTITY,
          "status",
          Asset.ENTITY,
          "status",
          DowntimeEvent.ENTITY,
          "reason_text",
          ProductionRecord.ENTITY,
          "shift");

  private UnifiedSamples() {}

  /** The entities these samples cover, in the model's order. */
  public static List<String> entities() {
    return List.of(
        Vendor.ENTITY,
        InventoryItem.ENTITY,
        WorkOrder.ENTITY,
        Asset.ENTITY,
        DowntimeEvent.ENTITY,
        ProductionRecord.ENTITY);
  }

  /** A record of {@code entity} with the given key, source updated-at and label. */
  public static Record sample(String entity, String key, Instant sourceUpdatedAt, String label) {
    SourceRef source = new SourceRef("plex", "plex-prod", "src-" + key, sourceUpdatedAt);
    Map<String, Object> custom = new LinkedHashMap<>();
    custom.put("buyer", "Anna \"A\" Müller");
    custom.put("priority", 2);
    custom.put("tags", List.of("a", "b"));
    JsonNode raw = raw(key);
    return switch (entity) {
      case Vendor.ENTITY ->
          new Vendor(
              key,
              "ACME",
              "Acme, \"North\"\nGmbH",
              label,
              true,
              "metals",
              "EUR",
              "NET30",
              "buy@acme.example",
              "+43 1 234",
              "https://acme.example",
              new Address("Acme", "Main 1", "Dock 4", "Graz", "Styria", "8020", "AT", null),
              "V-0",
              T0,
              MICROS,
              source,
              custom,
              raw);
      case InventoryItem.ENTITY ->
          new InventoryItem(
              key,
              "BOLT-M8",
              "Bolt M8",
              "Bolt, M8 × 40",
              "part",
              label,
              false,
              "B",
              "EA",
              "I-8",
              "LOC-1",
              "Rack 4",
              "LOT-7",
              new BigDecimal("1000.000001"),
              new BigDecimal("999.5"),
              new BigDecimal("0.0425"),
              14,
              "SITE-1",
              T0,
              MICROS,
              source,
              custom,
              raw);
      case WorkOrder.ENTITY ->
          new WorkOrder(
              key,
              "WO-" + key,
              "Press run",
              label,
              "production",
              "high",
              "I-8",
              "BOLT-M8",
              new BigDecimal("5000"),
              new BigDecimal("1234.5"),
              "A-1",
              "SITE-1",
              T0,
              MICROS,
              null,
              T0,
              MICROS,
              source,
              custom,
              raw);
      case Asset.ENTITY ->
          new Asset(
              key,
              "PRESS-1",
              "Press 1",
              "Hydraulic press",
              "press",
              "WorkCell",
              label,
              true,
              "LINE-1",
              "SITE-1",
              "HALL-2",
              "Schuler",
              "MSD 800",
              "SN-42",
              new BigDecimal("1200.25"),
              T0,
              MICROS,
              source,
              custom,
              raw);
      case DowntimeEvent.ENTITY ->
          new DowntimeEvent(
              key,
              "A-1",
              "SITE-1",
              T0,
              MICROS,
              9_000_000_000L,
              "BRK",
              label,
              "breakdown",
              false,
              "night",
              "op-7",
              "WO-1",
              MICROS,
              source,
              custom,
              raw);
      case ProductionRecord.ENTITY ->
          new ProductionRecord(
              key,
              "A-1",
              "SITE-1",
              T0,
              MICROS,
              label,
              "WO-1",
              "BOLT-M8",
              4_000_000_000L,
              12L,
              3L,
              "scratch",
              28_800L,
              27_000L,
              new BigDecimal("1200.25"),
              new BigDecimal("0.9375"),
              new BigDecimal("0.987654321"),
              new BigDecimal("0.997"),
              new BigDecimal("0.923155306"),
              MICROS,
              source,
              custom,
              raw);
      default -> throw new IllegalArgumentException("No sample of " + entity);
    };
  }

  private static JsonNode raw(String key) {
    try {
      return Json.mapper()
          .readTree("{\"id\": \"" + key + "\", \"nested\": {\"list\": [1, 2.5, null]}}");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
