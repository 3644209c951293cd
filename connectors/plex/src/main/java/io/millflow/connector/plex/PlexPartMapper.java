package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.model.InventoryItem;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Maps a {@code plex.part} to the unified {@link InventoryItem} (the item, no stock): id → key,
 * number → code, name → name, description → description, type → type, status → status, revision →
 * revision, leadTimeDays → leadTimeDays, buildingCode → siteKey, createdDate → createdAt,
 * modifiedDate → updatedAt. Plex's part list has no unit or active flag: those stay null (group,
 * source, productType and note are available as custom fields).
 */
@Singleton
public final class PlexPartMapper extends PlexResourceMapper {

  public PlexPartMapper() {
    super(PlexResource.PARTS, InventoryItem.ENTITY);
  }

  /**
   * The Plex field each unified field is read from (the list above, all in Plex's published field
   * list of the resource), for the run's data-quality checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("code", "number"),
          Map.entry("name", "name"),
          Map.entry("description", "description"),
          Map.entry("type", "type"),
          Map.entry("status", "status"),
          Map.entry("revision", "revision"),
          Map.entry("leadTimeDays", "leadTimeDays"),
          Map.entry("siteKey", "buildingCode"),
          Map.entry("createdAt", "createdDate"),
          Map.entry("updatedAt", "modifiedDate"));

  @Override
  public Set<String> publishedFields() {
    return PlexPublishedFields.PART;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public InventoryItem map(JsonNode source, MappingOptions options) {
    PlexRecord part = record(source, "part");
    Instant updatedAt = part.instant("modifiedDate");
    return new InventoryItem(
        part.text("id"),
        part.text("number"),
        part.text("name"),
        part.text("description"),
        part.text("type"),
        part.text("status"),
        null,
        part.text("revision"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        part.integer("leadTimeDays"),
        part.text("buildingCode"),
        part.instant("createdDate"),
        updatedAt,
        PlexRecord.source(options, part.text("id"), updatedAt),
        part.customFields(options.customFields()),
        part.raw(options));
  }
}
