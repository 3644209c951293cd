package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.Asset;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Maps an {@code idhammar.machine} record (a line or a machine) to an {@link Asset}: id → key and
 * code, name → name, type → category, type {@code line}/{@code machine} → level {@code
 * ProductionLine}/{@code WorkUnit} (ISA-95), active → active and status ({@code active}/{@code
 * inactive}), lineId → parentKey, siteId → siteKey, idealRatePerHour → idealRatePerHour, createdAt
 * → createdAt, updatedAt → updatedAt.
 */
@Singleton
public final class IdhammarMachineMapper implements UnifiedMapper {

  @Override
  public String sourceEntity() {
    return IdhammarMachinesRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return Asset.ENTITY;
  }

  /**
   * The Idhammar field each unified field is read from (the list above, all in the Idhammar
   * interface's published shape), for the run's data-quality checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("code", "id"),
          Map.entry("name", "name"),
          Map.entry("category", "type"),
          Map.entry("level", "type"),
          Map.entry("status", "active"),
          Map.entry("active", "active"),
          Map.entry("parentKey", "lineId"),
          Map.entry("siteKey", "siteId"),
          Map.entry("idealRatePerHour", "idealRatePerHour"),
          Map.entry("createdAt", "createdAt"),
          Map.entry("updatedAt", "updatedAt"));

  @Override
  public Set<String> publishedFields() {
    return IdhammarPublishedFields.MACHINE;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public Asset map(JsonNode source, MappingOptions options) {
    IdhammarRecord machine = IdhammarRecord.of(source, "machine", "id");
    String id = machine.requiredText("id");
    String type = machine.text("type");
    Boolean active = machine.bool("active");
    Instant updatedAt = machine.instant("updatedAt");
    return new Asset(
        id,
        id,
        machine.text("name"),
        null,
        type,
        level(type),
        active == null ? null : active ? "active" : "inactive",
        active,
        machine.text("lineId"),
        machine.text("siteId"),
        null,
        null,
        null,
        null,
        machine.decimal("idealRatePerHour"),
        machine.instant("createdAt"),
        updatedAt,
        machine.source(options, id, updatedAt),
        machine.customFields(options.customFields()),
        machine.raw(options));
  }

  private static String level(String type) {
    return switch (type == null ? "" : type) {
      case "line" -> "ProductionLine";
      case "machine" -> "WorkUnit";
      default -> null;
    };
  }
}
