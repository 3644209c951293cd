package io.millflow.connector.mongodb;

import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The stable document layout of a unified purchase order (README.md): one document per order, {@code _id} = the
 * order's key, the model's camelCase field names, lines embedded as an array, decimals as Decimal128, times as BSON
 * dates. Every field is written, null when the model has no value, so all documents have the same shape.
 */
final class PurchaseOrderDocuments {

  /** Where the stored source updated-at lives; the newer-wins filter compares it. */
  static final String SOURCE_UPDATED_AT = "source.sourceUpdatedAt";

  private PurchaseOrderDocuments() {}

  static Document of(PurchaseOrder order) {
    return new Document("_id", order.key())
        .append("orderNumber", order.orderNumber())
        .append("vendorKey", order.vendorKey())
        .append("status", order.status())
        .append("type", order.type())
        .append("currency", order.currency())
        .append("orderDate", date(order.orderDate()))
        .append("requiredDate", date(order.requiredDate()))
        .append("approvedAt", date(order.approvedAt()))
        .append("shipTo", address(order.shipTo()))
        .append("billTo", address(order.billTo()))
        .append("paymentTerms", order.paymentTerms())
        .append("incoterms", order.incoterms())
        .append("siteKey", order.siteKey())
        .append("notes", order.notes())
        .append("totalAmount", BsonValues.decimal(order.totalAmount(), "totalAmount"))
        .append("createdAt", date(order.createdAt()))
        .append("updatedAt", date(order.updatedAt()))
        .append("lines", lines(order.lines()))
        .append("source", source(order.source()))
        .append("customFields", BsonValues.fromJava(order.customFields()))
        .append("raw", order.raw() == null ? null : BsonValues.fromJson(order.raw()));
  }

  /** The source updated-at as stored: BSON dates hold milliseconds, so this is what the filter compares. */
  static Date sourceUpdatedAt(PurchaseOrder order) {
    return order.source() == null ? null : date(order.source().sourceUpdatedAt());
  }

  private static List<Document> lines(List<PurchaseOrderLine> lines) {
    return lines.stream().map(line -> new Document("lineNumber", line.lineNumber())
        .append("key", line.key())
        .append("itemCode", line.itemCode())
        .append("itemKey", line.itemKey())
        .append("description", line.description())
        .append("quantity", BsonValues.decimal(line.quantity(), "lines.quantity"))
        .append("receivedQuantity", BsonValues.decimal(line.receivedQuantity(), "lines.receivedQuantity"))
        .append("unitOfMeasure", line.unitOfMeasure())
        .append("unitPrice", BsonValues.decimal(line.unitPrice(), "lines.unitPrice"))
        .append("amount", BsonValues.decimal(line.amount(), "lines.amount"))
        .append("status", line.status())
        .append("requiredDate", date(line.requiredDate()))
        .append("deliveryDate", date(line.deliveryDate()))
        .append("updatedAt", date(line.updatedAt()))).toList();
  }

  private static Document address(Address address) {
    return address == null ? null : new Document("name", address.name())
        .append("line1", address.line1())
        .append("line2", address.line2())
        .append("city", address.city())
        .append("region", address.region())
        .append("postalCode", address.postalCode())
        .append("country", address.country())
        .append("text", address.text());
  }

  private static Document source(SourceRef source) {
    return source == null ? null : new Document("system", source.system())
        .append("connection", source.connection())
        .append("sourceId", source.sourceId())
        .append("sourceUpdatedAt", date(source.sourceUpdatedAt()));
  }

  private static Date date(Instant instant) {
    // BSON dates are milliseconds since the epoch: finer digits are dropped (README.md).
    return instant == null ? null : Date.from(instant);
  }
}
