package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.PlexGuesses;
import io.millflow.connector.plex.PlexTimestamps;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes one purchase order and its line items from the seed and the order's index, without keeping any state: the
 * sandbox can serve 10,000 orders of 5 lines while holding only their modified dates.
 */
final class PurchaseOrderGenerator {

  private static final long ORDER = 1, LINE = 2, SUPPLIER = 3, PART = 4, ITEM = 5;
  private static final int SUPPLIERS = 40;
  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000};
  private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "CAD", "MXN"};
  private static final String[] STATUSES = {"Open", "Open", "Approved", "Closed", "Cancelled"};
  private static final String[] TERMS = {"Net 30", "Net 45", "Net 60", "2% 10 Net 30"};
  private static final String[] INCOTERMS = {"FOB", "EXW", "DAP", "CIF"};
  private static final String[] BUILDINGS = {"GR-1", "GR-2", "MTY-1"};
  private static final String[] SHIP_TO = {
      "Plant GR-1, 1200 Industrial Pkwy, Grand Rapids, MI 49503, US",
      "Plant GR-2, 455 Foundry St, Grand Rapids, MI 49504, US",
      "Planta MTY-1, Av. Industrial 300, Apodaca, NL 66600, MX"};
  private static final Part[] PARTS = {
      new Part("Bearing 6204-2RS", "ea", 0), new Part("Hex bolt M8x40 8.8 zinc", "ea", 0),
      new Part("Cold-rolled steel coil 1.2 mm", "kg", 3), new Part("Hydraulic hose 1/2in", "m", 2),
      new Part("PA66 GF30 resin pellets", "kg", 3), new Part("Cutting insert CNMG 120408", "ea", 0),
      new Part("Shrink wrap 500 mm", "roll", 0), new Part("Coolant concentrate", "l", 1)};

  private record Part(String description, String unit, int quantityScale) {}

  private final long seed;
  private final int linesPerOrder;

  PurchaseOrderGenerator(long seed, int linesPerOrder) {
    this.seed = seed;
    this.linesPerOrder = linesPerOrder;
  }

  /**
   * The order's UUID. Its last 32 bits are the index, masked by the seed, so that an id leads back to its order without
   * a map, yet ids do not look numbered.
   */
  UUID orderId(int index) {
    return uuid(ORDER, index, 0);
  }

  /** The index of the order with this id, or -1 when no order of {@code count} has it. */
  int indexOf(String id, int count) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return -1;
    }
    long index = (uuid.getLeastSignificantBits() ^ indexMask(ORDER)) & 0xFFFF_FFFFL;
    return index < count && orderId((int) index).equals(uuid) ? (int) index : -1;
  }

  ObjectNode order(int index, Instant modified) {
    SplittableRandom random = random(ORDER, index, 0);
    Instant created = modified.minus(Duration.ofMinutes(random.nextLong(0, 60L * 24 * 60)));
    Instant ordered = created.plus(Duration.ofMinutes(random.nextLong(0, 240)));
    String status = pick(random, STATUSES);
    boolean blanket = random.nextInt(10) == 0;
    ObjectNode order = Json.mapper().createObjectNode();
    order.put("id", orderId(index).toString());
    order.put("poNumber", "PO%07d".formatted(100_000 + index));
    order.put("currencyCode", pick(random, CURRENCIES));
    order.put("status", status);
    order.put("active", !status.equals("Closed") && !status.equals("Cancelled"));
    order.put("type", blanket ? "Blanket" : "Standard");
    order.put("supplierId", uuid(SUPPLIER, random.nextInt(SUPPLIERS), 0).toString());
    order.put("poDate", PlexTimestamps.format(ordered));
    order.put("terms", pick(random, TERMS));
    order.put("lineItemCount", linesPerOrder);
    order.put("lineItemTotal", lineItemTotal(index, modified));
    order.put("shipTo", pick(random, SHIP_TO));
    order.put("orderedDate", PlexTimestamps.format(ordered));
    order.put("dueDate", PlexTimestamps.format(ordered.plus(Duration.ofDays(random.nextInt(7, 60)))));
    order.put("approvedDate", status.equals("Open") ? null : PlexTimestamps.format(ordered.plusSeconds(3_600)));
    order.put("note", random.nextInt(4) == 0 ? "Deliver to dock " + (1 + random.nextInt(6)) : null);
    order.put("building", pick(random, BUILDINGS));
    order.put("incoTerms", pick(random, INCOTERMS));
    order.put("blanketOrder", blanket);
    order.put("createdDate", PlexTimestamps.format(created));
    order.put("modifiedDate", PlexTimestamps.format(modified));
    return order;
  }

  ArrayNode lineItems(int index, Instant orderModified) {
    ArrayNode lines = Json.mapper().createArrayNode();
    for (int line = 1; line <= linesPerOrder; line++) {
      lines.add(lineItem(index, line, orderModified));
    }
    return lines;
  }

  private ObjectNode lineItem(int index, int lineNumber, Instant orderModified) {
    SplittableRandom random = random(LINE, index, lineNumber);
    int partIndex = random.nextInt(PARTS.length * 5);
    Part part = PARTS[partIndex % PARTS.length];
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("id", uuid(LINE, index, lineNumber).toString());
    line.put("lineItemNumber", lineNumber);
    line.put("status", random.nextInt(8) == 0 ? "Received" : "Open");
    line.put("unit", part.unit());
    line.put("description", part.description());
    line.put("unitPrice", unitPrice(random));
    line.put("supplierPartNumber", "SP-%05d".formatted(10_000 + partIndex));
    line.put("itemId", uuid(ITEM, partIndex, 0).toString());
    line.put("partId", uuid(PART, partIndex, 0).toString());
    line.put("blanketQuantity", BigDecimal.ZERO);
    line.put("note", random.nextInt(6) == 0 ? "Certificate of conformance required" : null);
    line.put("modifiedDate", PlexTimestamps.format(orderModified.minusSeconds(random.nextInt(0, 3_600))));
    line.put(PlexGuesses.LINE_ITEM_QUANTITY_FIELD, quantity(random, part));
    return line;
  }

  private BigDecimal lineItemTotal(int index, Instant modified) {
    BigDecimal total = BigDecimal.ZERO;
    for (int line = 1; line <= linesPerOrder; line++) {
      ObjectNode item = lineItem(index, line, modified);
      total = total.add(item.get("unitPrice").decimalValue()
          .multiply(item.get(PlexGuesses.LINE_ITEM_QUANTITY_FIELD).decimalValue()));
    }
    return total;
  }

  /** Prices with two or four decimals, as purchased parts have; exact, never through a double. */
  private static BigDecimal unitPrice(SplittableRandom random) {
    return random.nextBoolean()
        ? BigDecimal.valueOf(random.nextLong(5, 50_000), 2)
        : BigDecimal.valueOf(random.nextLong(100, 5_000_000), 4);
  }

  private static BigDecimal quantity(SplittableRandom random, Part part) {
    return BigDecimal.valueOf(random.nextLong(1, 500 * POWERS_OF_TEN[part.quantityScale()]), part.quantityScale());
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private SplittableRandom random(long kind, long index, long sub) {
    return new SplittableRandom(mix(seed ^ mix(kind * 0x9E37_79B9_7F4A_7C15L ^ mix(index * 1_000 + sub))));
  }

  private UUID uuid(long kind, int index, int sub) {
    SplittableRandom random = random(kind + 100, index, sub);
    long msb = random.nextLong() & ~0xF000L | 0x4000L; // version 4
    long lsb = 0x8000_0000_0000_0000L | (random.nextLong() & 0x3FFF_FFFF_0000_0000L)
        | ((index ^ indexMask(kind)) & 0xFFFF_FFFFL);
    return new UUID(msb, lsb);
  }

  private long indexMask(long kind) {
    return mix(seed + kind) & 0xFFFF_FFFFL;
  }

  /** SplitMix64's finalizer: neighbouring indexes get unrelated random streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }
}
