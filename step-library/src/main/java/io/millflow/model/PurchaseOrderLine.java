package io.millflow.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One line of a {@link PurchaseOrder}, identified within its order by {@code lineNumber}.
 *
 * <p>{@code deliveries} is the line's delivery schedule, ordered by due date: what is due when, and
 * in which state. Plex fills it from the line's releases (their quantities sum to {@code
 * quantity}); a source without a schedule (NetSuite, files, databases) leaves it empty, and its
 * line's one date is {@code requiredDate}. Never null.
 */
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
    List<PurchaseOrderDelivery> deliveries,
    Instant updatedAt) {

  public PurchaseOrderLine {
    deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
  }

  /** A line without a delivery schedule: what every source but Plex maps. */
  public PurchaseOrderLine(
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
      Instant updatedAt) {
    this(
        lineNumber,
        key,
        itemCode,
        itemKey,
        description,
        quantity,
        receivedQuantity,
        unitOfMeasure,
        unitPrice,
        amount,
        status,
        requiredDate,
        deliveryDate,
        List.of(),
        updatedAt);
  }
}
