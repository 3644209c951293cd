package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.model.InventoryItem;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Maps a {@code plex.container} to the unified {@link InventoryItem} as a stock record of a part at
 * a location: serialNo → key, partNo → code, partId → itemKey, revision → revision, inventoryType →
 * type, containerStatus → status, locationId → locationKey, location → location, lotNo → lotNumber,
 * quantity → quantityOnHand, quantityInventoryUnit → unitOfMeasure (see {@link
 * PlexGuesses#CONTAINER_QUANTITY_INVENTORY_UNIT_IS_A_UNIT}), addDateTime → createdAt,
 * updateDateTime → updatedAt. Plex does not say how much of a container is available, so
 * quantityAvailable stays null.
 */
@Singleton
public final class PlexContainerMapper extends PlexResourceMapper {

  public PlexContainerMapper() {
    super(PlexResource.CONTAINERS, InventoryItem.ENTITY);
  }

  /**
   * The Plex field each unified field is read from (the list above, all in Plex's published field
   * list of the resource), for the run's data-quality checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "serialNo"),
          Map.entry("code", "partNo"),
          Map.entry("type", "inventoryType"),
          Map.entry("status", "containerStatus"),
          Map.entry("revision", "revision"),
          Map.entry("unitOfMeasure", "quantityInventoryUnit"),
          Map.entry("itemKey", "partId"),
          Map.entry("locationKey", "locationId"),
          Map.entry("location", "location"),
          Map.entry("lotNumber", "lotNo"),
          Map.entry("quantityOnHand", "quantity"),
          Map.entry("createdAt", "addDateTime"),
          Map.entry("updatedAt", "updateDateTime"));

  @Override
  public Set<String> publishedFields() {
    return PlexPublishedFields.CONTAINER;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public InventoryItem map(JsonNode source, MappingOptions options) {
    PlexRecord container = record(source, "container");
    Instant updatedAt = container.instant("updateDateTime");
    return new InventoryItem(
        container.text("serialNo"),
        container.text("partNo"),
        null,
        null,
        container.text("inventoryType"),
        container.text("containerStatus"),
        null,
        container.text("revision"),
        PlexGuesses.CONTAINER_QUANTITY_INVENTORY_UNIT_IS_A_UNIT
            ? container.text("quantityInventoryUnit")
            : null,
        container.requiredText("partId"),
        container.text("locationId"),
        container.text("location"),
        container.text("lotNo"),
        container.decimal("quantity"),
        null,
        null,
        null,
        null,
        container.instant("addDateTime"),
        updatedAt,
        PlexRecord.source(options, container.text("serialNo"), updatedAt),
        container.customFields(options.customFields()),
        container.raw(options));
  }
}
