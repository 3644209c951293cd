package io.millflow.model;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of a {@link PurchaseOrder}, identified within its order by {@code lineNumber}. */
public record PurchaseOrderLine(
    int lineNumber,
    String key,
    String itemCode,
    String itemKey,
    String description,
    BigDecimal quantity,
    BigDecimal receivedQuantity,
    String unitOfMeasure,
    BigDecimal unitPrice,
    BigDecimal amount,
    String status,
    Instant requiredDate,
    Instant deliveryDate,
    Instant updatedAt) {}
