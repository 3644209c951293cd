package io.millflow.connector.sql.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.model.Address;
import io.millflow.model.PurchaseOrder;
import io.millflow.model.PurchaseOrderDelivery;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.model.SourceRef;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Purchase orders for tests: a plain order and variations of it. */
public final class Orders {

  public static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

  private static final JsonNode RAW_1001 =
      Json.mapper()
          .createObjectNode()
          .put("id", 1001)
          .set("extra", Json.mapper().createArrayNode().add(1).add(2));

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

  /**
   * Order 1001 with every field set: awkward text in {@code notes}, exact decimals, a ship-to
   * address, custom fields and the raw source record; its line 1 is detailed, line 2 plain.
   */
  public static PurchaseOrder fullyPopulated(String notes, Instant updatedAt) {
    return new PurchaseOrder(
        "1001",
        "PO-1001",
        "V-7",
        "open",
        "standard",
        "EUR",
        T0,
        Instant.parse("2024-04-01T00:00:00Z"),
        null,
        address("Main \"North\" Gate, 12"),
        null,
        "NET30",
        "DAP",
        "SITE-1",
        notes,
        new BigDecimal("12345.6789"),
        T0,
        updatedAt,
        List.of(
            new PurchaseOrderLine(
                1,
                "L1",
                "BOLT-M8",
                "I-8",
                "Bolt, M8",
                new BigDecimal("1000.000001"),
                new BigDecimal("0"),
                "EA",
                new BigDecimal("0.0425"),
                new BigDecimal("42.50"),
                "open",
                null,
                null,
                null),
            line(2, "3")),
        new SourceRef("plex", "plex-prod", "src-1001", updatedAt),
        Map.of("buyer", "Anna", "priority", 2),
        RAW_1001);
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

  /**
   * Line {@code number} with a delivery schedule of three releases: received, open (with a decimal
   * quantity) and one without release number or status.
   */
  public static PurchaseOrderLine lineWithDeliveries(int number) {
    return new PurchaseOrderLine(
        number,
        "L" + number,
        "ITEM-" + number,
        null,
        "Item " + number,
        new BigDecimal("30.125"),
        new BigDecimal("10"),
        "EA",
        new BigDecimal("2.50"),
        null,
        "open",
        Instant.parse("2024-04-01T00:00:00Z"),
        null,
        deliveries(),
        T0);
  }

  /** The delivery schedule of {@link #lineWithDeliveries}. */
  public static List<PurchaseOrderDelivery> deliveries() {
    return List.of(
        new PurchaseOrderDelivery(
            "R-1", 1, Instant.parse("2024-04-01T00:00:00Z"), new BigDecimal("10"), "Received"),
        new PurchaseOrderDelivery(
            "R-2",
            2,
            Instant.parse("2024-04-08T06:30:00.123456Z"),
            new BigDecimal("20.125"),
            "Open"),
        new PurchaseOrderDelivery("R-3", null, null, new BigDecimal("0.000"), null));
  }

  public static Address address(String line1) {
    return new Address("Receiving", line1, "Dock 4", "Graz", "Styria", "8020", "AT", null);
  }
}
