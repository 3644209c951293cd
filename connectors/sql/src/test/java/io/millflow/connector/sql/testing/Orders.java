package io.millflow.connector.sql.testing;

import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Purchase orders for tests: a plain order and variations of it. */
public final class Orders {

  public static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private Orders() {}

  /** An order with the given source updated-at, status and lines; other fields fixed. */
  public static PurchaseOrder order(
      String key, Instant sourceUpdatedAt, String status, PurchaseOrderLine... lines) {
    return new PurchaseOrder(
        key,
        "PO-" + key,
        "V-1",
        status,
        "standard",
        "EUR",
        T0,
        null,
        null,
        null,
        null,
        null,
        null,
        "SITE-1",
        null,
        new BigDecimal("100.00"),
        T0,
        sourceUpdatedAt,
        List.of(lines),
        new SourceRef("plex", "plex-prod", "src-" + key, sourceUpdatedAt),
        Map.of(),
        null);
  }

  public static PurchaseOrderLine line(int number, String quantity) {
    return new PurchaseOrderLine(
        number,
        "L" + number,
        "ITEM-" + number,
        null,
        "Item " + number,
        new BigDecimal(quantity),
        BigDecimal.ZERO,
        "EA",
        new BigDecimal("2.50"),
        null,
        "open",
        null,
        null,
        null);
  }

  public static Address address(String line1) {
    return new Address("Receiving", line1, "Dock 4", "Graz", "Styria", "8020", "AT", null);
  }
}
