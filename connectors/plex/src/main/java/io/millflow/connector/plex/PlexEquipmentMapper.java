package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.model.Asset;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Set;

/**
 * Maps a {@code plex.equipment} to the unified {@link Asset}: id → key, equipmentId → code,
 * description → name and description, equipmentType → category, status → status, active → active,
 * workcenterId → parentKey (the workcenter the equipment belongs to), brand → make, modelNo →
 * model, serialNo → serialNumber. Plex's equipment list has no dates, level, site or ideal rate:
 * those stay null.
 */
@Singleton
public final class PlexEquipmentMapper extends PlexResourceMapper {

  public PlexEquipmentMapper() {
    super(PlexResource.EQUIPMENT, Asset.ENTITY);
  }

  /**
   * The Plex field each unified field is read from (the list above, all in Plex's published field
   * list of the resource), for the run's data-quality checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("code", "equipmentId"),
          Map.entry("name", "description"),
          Map.entry("description", "description"),
          Map.entry("category", "equipmentType"),
          Map.entry("status", "status"),
          Map.entry("active", "active"),
          Map.entry("parentKey", "workcenterId"),
          Map.entry("make", "brand"),
          Map.entry("model", "modelNo"),
          Map.entry("serialNumber", "serialNo"));

  @Override
  public Set<String> publishedFields() {
    return PlexPublishedFields.EQUIPMENT;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public Asset map(JsonNode source, MappingOptions options) {
    PlexRecord equipment = record(source, "equipment");
    return new Asset(
        equipment.text("id"),
        equipment.text("equipmentId"),
        equipment.text("description"),
        equipment.text("description"),
        equipment.text("equipmentType"),
        null,
        equipment.text("status"),
        equipment.bool("active"),
        equipment.text("workcenterId"),
        null,
        null,
        equipment.text("brand"),
        equipment.text("modelNo"),
        equipment.text("serialNo"),
        null,
        null,
        null,
        PlexRecord.source(options, equipment.text("id"), null),
        equipment.customFields(options.customFields()),
        equipment.raw(options));
  }
}
