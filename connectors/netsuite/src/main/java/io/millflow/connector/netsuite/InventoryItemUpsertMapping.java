package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.InventoryItem;
import io.millflow.step.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified {@link InventoryItem} as a NetSuite inventory item, the reverse of {@link
 * NetSuiteInventoryItemMapper}: code → itemId, name → displayName, description →
 * purchaseDescription, active → isInactive, unitCost → cost, and the input's subsidiary. The unit
 * of measure is a name (NetSuite references units by id) and stock quantities change through
 * inventory transactions, not the item: these are left out and named in the step log.
 */
final class InventoryItemUpsertMapping implements UpsertMapping<InventoryItem> {

  @Override
  public String recordType() {
    return "inventoryItem";
  }

  @Override
  public Class<InventoryItem> unifiedType() {
    return InventoryItem.class;
  }

  @Override
  public String key(InventoryItem item) {
    return item.key();
  }

  @Override
  public String code(InventoryItem item) {
    return item.code();
  }

  @Override
  public ObjectNode body(InventoryItem item, UpsertInput input) {
    ObjectNode body = Json.mapper().createObjectNode();
    VendorUpsertMapping.putText(body, "itemId", item.code());
    VendorUpsertMapping.putText(body, "displayName", item.name());
    VendorUpsertMapping.putText(body, "purchaseDescription", item.description());
    if (item.active() != null) {
      body.put("isInactive", !item.active());
    }
    if (item.unitCost() != null) {
      body.put("cost", item.unitCost());
    }
    if (input.subsidiaryId() != null && !input.subsidiaryId().isBlank()) {
      body.putObject("subsidiary").put("id", input.subsidiaryId().strip());
    }
    return body;
  }

  @Override
  public List<String> unwritten(InventoryItem item) {
    List<String> fields = new ArrayList<>();
    VendorUpsertMapping.addIf(fields, "unitOfMeasure", item.unitOfMeasure());
    VendorUpsertMapping.addIf(fields, "quantityOnHand", item.quantityOnHand());
    VendorUpsertMapping.addIf(fields, "quantityAvailable", item.quantityAvailable());
    return fields;
  }

  @Override
  public String unwrittenReason() {
    return "NetSuite references units by internal id (writing one by name is not documented) and"
        + " stock quantities change through inventory transactions, not the item record";
  }
}
