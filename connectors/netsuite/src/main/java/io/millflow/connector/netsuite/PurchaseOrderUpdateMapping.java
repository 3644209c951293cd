package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import java.util.List;

/**
 * A unified {@link PurchaseOrder} as an update of the NetSuite order with its external id: the
 * fields {@link PurchaseOrderCreateMapping} writes, each line keyed by its line number ({@link
 * NetSuiteGuesses#ORDER_LINE_KEY}), the item sublist replaced ({@code ?replace=item}) so the
 * order's lines become the unified order's: a line updated in place keeps what NetSuite counts on
 * it (received, billed), a line no longer there is removed, a new one added.
 */
final class PurchaseOrderUpdateMapping implements UpsertMapping<PurchaseOrder> {

  private final PurchaseOrderCreateMapping fields = new PurchaseOrderCreateMapping();

  @Override
  public String recordType() {
    return fields.recordType();
  }

  @Override
  public Class<PurchaseOrder> unifiedType() {
    return PurchaseOrder.class;
  }

  @Override
  public String key(PurchaseOrder order) {
    return fields.key(order);
  }

  @Override
  public String code(PurchaseOrder order) {
    return fields.code(order);
  }

  @Override
  public WriteMode mode() {
    return WriteMode.UPDATE;
  }

  @Override
  public String replacedSublist() {
    return "item";
  }

  @Override
  public ObjectNode body(PurchaseOrder order, UpsertInput input) {
    ObjectNode body = fields.body(order, input);
    List<PurchaseOrderLine> lines = order.lines() == null ? List.of() : order.lines();
    JsonNode items = body.path("item").path("items");
    for (int i = 0; i < items.size() && i < lines.size(); i++) {
      ((ObjectNode) items.get(i)).put(NetSuiteGuesses.ORDER_LINE_KEY, lines.get(i).lineNumber());
    }
    return body;
  }

  @Override
  public List<String> unwritten(PurchaseOrder order) {
    return fields.unwritten(order);
  }

  @Override
  public String unwrittenReason() {
    return fields.unwrittenReason();
  }
}
