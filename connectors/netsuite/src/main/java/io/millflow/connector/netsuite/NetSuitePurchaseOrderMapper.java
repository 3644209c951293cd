package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Maps a {@code netsuite.purchaseOrder} record (REST's shape, with the item sublist, as both {@link
 * NetSuitePurchaseOrdersRead} and {@link NetSuiteRecordGet} write it) to the unified {@link
 * PurchaseOrder}.
 *
 * <p>NetSuite field to unified field: id → key, tranId → orderNumber, entity.id → vendorKey,
 * status.refName → status, currency.refName → currency, tranDate → orderDate, dueDate (else
 * shipDate) → requiredDate, shippingAddress → shipTo, billingAddress → billTo, terms.refName →
 * paymentTerms, incoTerm → incoterms, subsidiary.id (else location.id) → siteKey, memo → notes,
 * total → totalAmount, createdDate → createdAt, lastModifiedDate → updatedAt. Lines (item.items):
 * line → lineNumber, id → key, item.refName → itemCode, item.id → itemKey, description, quantity,
 * quantityReceived → receivedQuantity, units.refName → unitOfMeasure, rate → unitPrice, amount
 * (else quantity × rate), isClosed → status Closed/Open, expectedReceiptDate → requiredDate.
 */
@Singleton
public final class NetSuitePurchaseOrderMapper implements UnifiedMapper {

  @Override
  public String sourceEntity() {
    return NetSuitePurchaseOrdersRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return PurchaseOrder.ENTITY;
  }

  /**
   * The NetSuite field each unified field is read from (the list above), for the run's data-quality
   * checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("orderNumber", "tranId"),
          Map.entry("vendorKey", "entity.id"),
          Map.entry("status", "status.refName"),
          Map.entry("currency", "currency.refName"),
          Map.entry("orderDate", "tranDate"),
          Map.entry("requiredDate", "dueDate / shipDate"),
          Map.entry("shipTo", "shippingAddress"),
          Map.entry("billTo", "billingAddress"),
          Map.entry("paymentTerms", "terms.refName"),
          Map.entry("incoterms", "incoTerm.refName"),
          Map.entry("siteKey", "subsidiary.id / location.id"),
          Map.entry("notes", "memo"),
          Map.entry("totalAmount", "total"),
          Map.entry("createdAt", "createdDate"),
          Map.entry("updatedAt", "lastModifiedDate"),
          Map.entry("lines", "item.items"),
          Map.entry("lines.lineNumber", "line"),
          Map.entry("lines.key", "id"),
          Map.entry("lines.itemCode", "item.refName"),
          Map.entry("lines.itemKey", "item.id"),
          Map.entry("lines.description", "description"),
          Map.entry("lines.quantity", "quantity"),
          Map.entry("lines.receivedQuantity", "quantityReceived"),
          Map.entry("lines.unitOfMeasure", "units.refName"),
          Map.entry("lines.unitPrice", "rate"),
          Map.entry("lines.amount", "amount / quantity × rate"),
          Map.entry("lines.status", "isClosed"),
          Map.entry("lines.requiredDate", "expectedReceiptDate"));

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public PurchaseOrder map(JsonNode source, MappingOptions options) {
    NetSuiteRecord po = NetSuiteRecord.of(source, "purchaseOrder");
    String id = po.requiredText("id");
    Instant updatedAt = po.requiredInstant("lastModifiedDate");
    Instant due = po.instant("dueDate");
    String site = po.refId("subsidiary");
    return new PurchaseOrder(
        id,
        po.text("tranId"),
        po.refId("entity"),
        po.refName("status"),
        null,
        po.refName("currency"),
        po.instant("tranDate"),
        due != null ? due : po.instant("shipDate"),
        null,
        po.address("shippingAddress", "shipAddress"),
        po.address("billingAddress", "billAddress"),
        po.refName("terms"),
        po.refName("incoTerm"),
        site != null ? site : po.refId("location"),
        po.text("memo"),
        po.decimal("total"),
        po.instant("createdDate"),
        updatedAt,
        lines(source.path("item").path("items"), id),
        new SourceRef("netsuite", options.connection(), id, updatedAt),
        po.customFields(options.customFields()),
        options.includeRaw() ? source : null);
  }

  private static List<PurchaseOrderLine> lines(JsonNode items, String orderId) {
    List<PurchaseOrderLine> lines = new ArrayList<>();
    for (JsonNode item : items) {
      NetSuiteRecord line =
          new NetSuiteRecord(
              item,
              "line " + item.path("line").asText("(no line)") + " of purchaseOrder " + orderId);
      BigDecimal quantity = line.decimal("quantity");
      BigDecimal rate = line.decimal("rate");
      BigDecimal amount = line.decimal("amount");
      Boolean closed = line.bool("isClosed");
      lines.add(
          new PurchaseOrderLine(
              line.requiredInt("line"),
              line.text("id"),
              line.refName("item"),
              line.refId("item"),
              line.text("description"),
              quantity,
              line.decimal("quantityReceived"),
              line.refName("units"),
              rate,
              amount != null
                  ? amount
                  : quantity == null || rate == null ? null : quantity.multiply(rate),
              closed == null ? null : closed ? "Closed" : "Open",
              line.instant("expectedReceiptDate"),
              null,
              null));
    }
    lines.sort(Comparator.comparingInt(PurchaseOrderLine::lineNumber));
    return lines;
  }
}
