package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A unified {@link PurchaseOrder} as a new NetSuite purchase order, its lines in the same request:
 * vendorKey → entity.id, orderNumber → tranId, orderDate → tranDate, requiredDate → dueDate (UTC
 * dates), notes → memo, the input's subsidiary; each line itemKey → item.id, quantity, unitPrice →
 * rate, description. Vendor and item keys must be NetSuite internal ids. Currency, payment terms,
 * incoterms and site are names or other systems' keys in the unified model and references by id in
 * NetSuite; the addresses are subrecords; a line's unit of measure is a reference: these are left
 * out and named in the step log.
 */
final class PurchaseOrderCreateMapping implements UpsertMapping<PurchaseOrder> {

  @Override
  public String recordType() {
    return "purchaseOrder";
  }

  @Override
  public Class<PurchaseOrder> unifiedType() {
    return PurchaseOrder.class;
  }

  @Override
  public String key(PurchaseOrder order) {
    return order.key();
  }

  @Override
  public String code(PurchaseOrder order) {
    return order.orderNumber();
  }

  @Override
  public WriteMode mode() {
    return WriteMode.CREATE;
  }

  @Override
  public ObjectNode body(PurchaseOrder order, UpsertInput input) {
    ObjectNode body = Json.mapper().createObjectNode();
    if (order.vendorKey() != null && !order.vendorKey().isBlank()) {
      body.putObject("entity").put("id", order.vendorKey());
    }
    VendorUpsertMapping.putText(body, "tranId", order.orderNumber());
    putDate(body, "tranDate", order.orderDate());
    putDate(body, "dueDate", order.requiredDate());
    VendorUpsertMapping.putText(body, "memo", order.notes());
    if (input.subsidiaryId() != null && !input.subsidiaryId().isBlank()) {
      body.putObject("subsidiary").put("id", input.subsidiaryId().strip());
    }
    ArrayNode items = body.putObject("item").putArray("items");
    for (PurchaseOrderLine line :
        order.lines() == null ? List.<PurchaseOrderLine>of() : order.lines()) {
      ObjectNode item = items.addObject();
      if (line.itemKey() != null) {
        item.putObject("item").put("id", line.itemKey());
      }
      if (line.quantity() != null) {
        item.put("quantity", line.quantity());
      }
      if (line.unitPrice() != null) {
        item.put("rate", line.unitPrice());
      }
      VendorUpsertMapping.putText(item, "description", line.description());
    }
    return body;
  }

  @Override
  public List<String> unwritten(PurchaseOrder order) {
    List<String> fields = new ArrayList<>();
    VendorUpsertMapping.addIf(fields, "currency", order.currency());
    VendorUpsertMapping.addIf(fields, "paymentTerms", order.paymentTerms());
    VendorUpsertMapping.addIf(fields, "incoterms", order.incoterms());
    VendorUpsertMapping.addIf(fields, "siteKey", order.siteKey());
    VendorUpsertMapping.addIf(fields, "shipTo", order.shipTo());
    VendorUpsertMapping.addIf(fields, "billTo", order.billTo());
    if (order.lines() != null
        && order.lines().stream().anyMatch(line -> line.unitOfMeasure() != null)) {
      fields.add("lines.unitOfMeasure");
    }
    return fields;
  }

  @Override
  public String unwrittenReason() {
    return "NetSuite references currency, terms, incoterms, location and units by internal id"
        + " (writing one by name is not documented) and REST writes do not update subrecords such"
        + " as addresses; map ids in a transform to write them";
  }

  private static void putDate(ObjectNode body, String field, Instant value) {
    if (value != null) {
      body.put(field, value.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
  }
}
