package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.Json;
import java.util.List;

/**
 * A unified {@link PurchaseOrder} as the receipt it asks for: per line with a {@code
 * receivedQuantity}, the order line ({@link NetSuiteGuesses#RECEIPT_LINE_FIELD} = lineNumber) and
 * the quantity received <em>in all</em> so far. {@link ItemReceiptWrite} receives the part of it
 * NetSuite has not received yet, so the same orders sent twice receive once.
 */
final class ReceiptMapping implements UpsertMapping<PurchaseOrder> {

  static final String RECORD_TYPE = "itemReceipt";

  private final OrderLookup lookup;

  ReceiptMapping(OrderLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public String recordType() {
    return RECORD_TYPE;
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

  /** The order's external id, or, found by internal id, its source id. */
  @Override
  public String reference(PurchaseOrder order, UpsertInput input) {
    return lookup.reference(order, input);
  }

  @Override
  public String referenceName(UpsertInput input) {
    return lookup == OrderLookup.INTERNAL_ID
        ? "internal id (source id)"
        : UpsertMapping.super.referenceName(input);
  }

  @Override
  public ObjectNode body(PurchaseOrder order, UpsertInput input) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode items = body.putObject("item").putArray("items");
    for (PurchaseOrderLine line :
        order.lines() == null ? List.<PurchaseOrderLine>of() : order.lines()) {
      if (line.receivedQuantity() != null) {
        items
            .addObject()
            .put(NetSuiteGuesses.RECEIPT_LINE_FIELD, line.lineNumber())
            .put("quantity", line.receivedQuantity());
      }
    }
    return body;
  }

  @Override
  public List<String> unwritten(PurchaseOrder order) {
    return List.of();
  }

  @Override
  public String unwrittenReason() {
    return "";
  }
}
