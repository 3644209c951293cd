package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.model.InventoryItem;
import jakarta.inject.Singleton;
import java.time.Instant;

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
