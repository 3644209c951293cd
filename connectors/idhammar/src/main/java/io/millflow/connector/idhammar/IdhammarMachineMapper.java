package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.Asset;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.time.Instant;

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
