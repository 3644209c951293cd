package io.millflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A purchase order in the unified model, the same whatever system it came from. {@code key} is the
 * order's id in the source system; {@code lines} carry the line items. Money is {@link BigDecimal},
 * never a double; times are UTC instants.
 */
public record PurchaseOrder(
    String key,
    String orderNumber,
    String vendorKey,
    String status,
    String type,
    String currency,
    Instant orderDate,
    Instant requiredDate,
    Instant approvedAt,
    Address shipTo,
    Address billTo,
    String paymentTerms,
    String incoterms,
    String siteKey,
    String notes,
    BigDecimal totalAmount,
    Instant createdAt,
    Instant updatedAt,
    List<PurchaseOrderLine> lines,
    SourceRef source,
    Map<String, Object> customFields,
    JsonNode raw) {

  public static final String ENTITY = "purchaseOrder";

  public PurchaseOrder {
    lines = lines == null ? List.of() : List.copyOf(lines);
    customFields = UnifiedRecords.customFields(customFields);
    raw = UnifiedRecords.raw(raw);
  }
}
