package io.millflow.model;

/**
 * The unified fields a record cannot be written without: every entity's {@code key}, a purchase
 * order's {@code orderNumber} (its lines' numbers are whole numbers the mapper must read, or it
 * cannot map the record).
 */
public final class RequiredFields {

  private RequiredFields() {}

  /** The first required field the record leaves empty, or null when it has them all. */
  public static String missing(Object record) {
    if (isEmpty(UnifiedRecords.key(record))) {
      return "key";
    }
    if (record instanceof PurchaseOrder order && isEmpty(order.orderNumber())) {
      return "orderNumber";
    }
    return null;
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isBlank();
  }
}
