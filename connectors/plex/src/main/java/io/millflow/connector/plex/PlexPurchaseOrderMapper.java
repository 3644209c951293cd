package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexPublishedFields;
import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.UnifiedMapper;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a {@code plex.purchaseOrder} record (Plex's purchase order plus its {@code lineItems}, as
 * {@link PlexPurchaseOrdersRead} writes it) to the unified {@link PurchaseOrder}.
 *
 * <p>Plex field to unified field: id → key, poNumber → orderNumber, supplierId → vendorKey,
 * currencyCode → currency, orderedDate (else poDate) → orderDate, dueDate → requiredDate,
 * approvedDate → approvedAt, shipTo → shipTo (free text), terms → paymentTerms, incoTerms →
 * incoterms, building → siteKey, note → notes, lineItemTotal (else the sum of the lines) →
 * totalAmount, createdDate → createdAt, modifiedDate → updatedAt. Lines: lineItemNumber →
 * lineNumber, id → key, supplierPartNumber → itemCode, partId (else itemId) → itemKey, unit →
 * unitOfMeasure. Plex's published line item has no quantity: {@link ReleaseQuantities} reads it
 * from the line's {@code releases} (which the read step adds), else {@code blanketQuantity}; amount
 * is quantity × unitPrice; the line's delivery schedule is its ordered releases (id,
 * releaseLineNumber, dueDate, quantity, status), by due date. A release changes without its order:
 * updatedAt is the latest of the order's and its releases' modifiedDate, so a sink's newer-wins
 * upsert takes the new quantities.
 */
@Singleton
public final class PlexPurchaseOrderMapper implements UnifiedMapper {

  /**
   * The Plex field each unified field is read from (the list above), for the run's data-quality
   * checks.
   */
  private static final Map<String, String> SOURCE_FIELDS =
      Map.ofEntries(
          Map.entry("key", "id"),
          Map.entry("orderNumber", "poNumber"),
          Map.entry("vendorKey", "supplierId"),
          Map.entry("status", "status"),
          Map.entry("type", "type"),
          Map.entry("currency", "currencyCode"),
          Map.entry("orderDate", "orderedDate / poDate"),
          Map.entry("requiredDate", "dueDate"),
          Map.entry("approvedAt", "approvedDate"),
          Map.entry("shipTo", "shipTo"),
          Map.entry("paymentTerms", "terms"),
          Map.entry("incoterms", "incoTerms"),
          Map.entry("siteKey", "building"),
          Map.entry("notes", "note"),
          Map.entry("totalAmount", "lineItemTotal"),
          Map.entry("createdAt", "createdDate"),
          Map.entry("updatedAt", "modifiedDate"), // or a release's, when later (see above)
          Map.entry("lines", "lineItems"),
          Map.entry("lines.lineNumber", "lineItemNumber"),
          Map.entry("lines.key", "id"),
          Map.entry("lines.itemCode", "supplierPartNumber"),
          Map.entry("lines.itemKey", "partId / itemId"),
          Map.entry("lines.description", "description"),
          Map.entry("lines.quantity", "releases.quantity / blanketQuantity"),
          Map.entry("lines.receivedQuantity", "releases.quantity (received)"),
          Map.entry("lines.requiredDate", "releases.dueDate"),
          Map.entry("lines.deliveries", "releases"),
          Map.entry("lines.deliveries.key", "releases.id"),
          Map.entry("lines.deliveries.releaseNumber", "releases.releaseLineNumber"),
          Map.entry("lines.deliveries.dueDate", "releases.dueDate"),
          Map.entry("lines.deliveries.quantity", "releases.quantity"),
          Map.entry("lines.deliveries.status", "releases.status"),
          Map.entry("lines.unitOfMeasure", "unit"),
          Map.entry("lines.unitPrice", "unitPrice"),
          Map.entry("lines.amount", "releases.quantity / blanketQuantity × unitPrice"),
          Map.entry("lines.status", "status"),
          Map.entry("lines.updatedAt", "modifiedDate"));

  @Override
  public String sourceEntity() {
    return PlexPurchaseOrdersRead.ENTITY;
  }

  @Override
  public String targetEntity() {
    return PurchaseOrder.ENTITY;
  }

  @Override
  public Set<String> publishedFields() {
    return PlexPublishedFields.PURCHASE_ORDER;
  }

  @Override
  public Map<String, String> sourceFields() {
    return SOURCE_FIELDS;
  }

  @Override
  public PurchaseOrder map(JsonNode source, MappingOptions options) {
    String id = source.path("id").asText(null);
    PlexRecord po =
        new PlexRecord(
            source,
            id == null
                ? "purchase order without id (poNumber '"
                    + source.path("poNumber").asText("")
                    + "')"
                : "purchase order " + id);
    po.requiredText("id");
    Instant updatedAt =
        ReleaseQuantities.latest(po.requiredInstant("modifiedDate"), source.path("lineItems"));
    Instant ordered = po.instant("orderedDate");
    List<PurchaseOrderLine> lines = lines(source.path("lineItems"), id);
    BigDecimal total = po.decimal("lineItemTotal");
    return new PurchaseOrder(
        id,
        po.text("poNumber"),
        po.text("supplierId"),
        po.text("status"),
        po.text("type"),
        po.text("currencyCode"),
        ordered != null ? ordered : po.instant("poDate"),
        po.instant("dueDate"),
        po.instant("approvedDate"),
        address(source.get("shipTo")),
        null,
        po.text("terms"),
        po.text("incoTerms"),
        po.text("building"),
        po.text("note"),
        total != null ? total : sumOfAmounts(lines),
        po.instant("createdDate"),
        updatedAt,
        lines,
        PlexRecord.source(options, id, updatedAt),
        po.customFields(options.customFields()),
        po.raw(options));
  }

  private static List<PurchaseOrderLine> lines(JsonNode lineItems, String orderId) {
    List<PurchaseOrderLine> lines = new ArrayList<>();
    int position = 0;
    for (JsonNode item : lineItems) {
      position++;
      lines.add(
          line(
              new PlexRecord(
                  item,
                  "line item " + lineName(item, position) + " of purchase order " + orderId)));
    }
    lines.sort(Comparator.comparingInt(PurchaseOrderLine::lineNumber));
    return lines;
  }

  private static PurchaseOrderLine line(PlexRecord item) {
    ReleaseQuantities released = ReleaseQuantities.of(item.json().path("releases"));
    BigDecimal quantity = released.quantity(item.decimal("blanketQuantity"));
    BigDecimal unitPrice = item.decimal("unitPrice");
    Instant modified = item.instant("modifiedDate");
    return new PurchaseOrderLine(
        item.requiredInt("lineItemNumber"),
        item.text("id"),
        item.text("supplierPartNumber"),
        item.text("partId") != null ? item.text("partId") : item.text("itemId"),
        item.text("description"),
        quantity,
        released.received(),
        item.text("unit"),
        unitPrice,
        quantity == null || unitPrice == null ? null : quantity.multiply(unitPrice),
        item.text("status"),
        released.firstDue(),
        null,
        released.schedule(),
        modified == null ? null : released.latest(modified));
  }

  private static String lineName(JsonNode item, int position) {
    JsonNode number = item.get("lineItemNumber");
    return number != null && !number.isNull()
        ? number.asText()
        : "#" + position + " (no lineItemNumber)";
  }

  /** Null unless every line has an amount: a partial sum would look like a real total. */
  private static BigDecimal sumOfAmounts(List<PurchaseOrderLine> lines) {
    if (lines.isEmpty() || lines.stream().anyMatch(line -> line.amount() == null)) {
      return null;
    }
    return lines.stream().map(PurchaseOrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * Plex documents {@code shipTo} without its shape: text becomes a free-form address, an object is
   * read by name.
   */
  private static Address address(JsonNode shipTo) {
    if (shipTo == null || shipTo.isNull()) {
      return null;
    }
    if (!shipTo.isObject()) {
      return Address.ofText(shipTo.asText());
    }
    PlexRecord address = new PlexRecord(shipTo, "shipTo");
    return new Address(
        address.text("name"),
        first(address, "address1", "address", "line1"),
        first(address, "address2", "line2"),
        address.text("city"),
        first(address, "state", "region"),
        first(address, "zip", "postalCode"),
        address.text("country"),
        null);
  }

  private static String first(PlexRecord record, String... fields) {
    for (String field : fields) {
      if (record.text(field) != null) {
        return record.text(field);
      }
    }
    return null;
  }
}
