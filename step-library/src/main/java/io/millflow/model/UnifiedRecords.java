package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every unified record shares: the entity names, and how {@code customFields} are kept. */
public final class UnifiedRecords {

  /** Every unified entity with its record class, in the order docs/concepts.md lists them. */
  public static final Map<String, Class<? extends Record>> ENTITIES = entities();

  private UnifiedRecords() {}

  /** Source fields may be null: keep them, in the source's order, unmodifiable. */
  static Map<String, Object> customFields(Map<String, Object> fields) {
    return fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A JSON {@code null} read back from a dataset means no raw record, the same as a Java null. */
  static JsonNode raw(JsonNode raw) {
    return raw == null || raw.isNull() || raw.isMissingNode() ? null : raw;
  }

  /** A unified record's {@code key}; null when it has none or is not a unified record. */
  public static String key(Object record) {
    return switch (record) {
      case PurchaseOrder r -> r.key();
      case Vendor r -> r.key();
      case InventoryItem r -> r.key();
      case WorkOrder r -> r.key();
      case Asset r -> r.key();
      case DowntimeEvent r -> r.key();
      case ProductionRecord r -> r.key();
      case null, default -> null;
    };
  }

  /** When the source last changed a unified record, from its {@code source}; null when unknown. */
  public static Instant sourceUpdatedAt(Object record) {
    SourceRef source =
        switch (record) {
          case PurchaseOrder r -> r.source();
          case Vendor r -> r.source();
          case InventoryItem r -> r.source();
          case WorkOrder r -> r.source();
          case Asset r -> r.source();
          case DowntimeEvent r -> r.source();
          case ProductionRecord r -> r.source();
          case null, default -> null;
        };
    return source == null ? null : source.sourceUpdatedAt();
  }

  private static Map<String, Class<? extends Record>> entities() {
    Map<String, Class<? extends Record>> entities = new LinkedHashMap<>();
    for (Class<? extends Record> type :
        List.of(
            PurchaseOrder.class,
            Vendor.class,
            InventoryItem.class,
            WorkOrder.class,
            Asset.class,
            DowntimeEvent.class,
            ProductionRecord.class)) {
      entities.put(entityOf(type), type);
    }
    return Collections.unmodifiableMap(entities);
  }

  private static String entityOf(Class<? extends Record> type) {
    try {
      return (String) type.getField("ENTITY").get(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " must declare its ENTITY name", e);
    }
  }
}
