package io.millflow.connector.plex.sandbox;

import static io.millflow.connector.plex.sandbox.Seeds.ITEM;
import static io.millflow.connector.plex.sandbox.Seeds.LINE;
import static io.millflow.connector.plex.sandbox.Seeds.ORDER;
import static io.millflow.connector.plex.sandbox.Seeds.PART;
import static io.millflow.connector.plex.sandbox.Seeds.SUPPLIER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes one purchase order and its line items from the seed and the order's index, without keeping
 * any state: the sandbox can serve 10,000 orders of 5 lines while holding only their modified
 * dates.
 */
final class PurchaseOrderGenerator {

  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000};
  private static final String[] CURRENCIES = {"USD", "USD", "USD", "EUR", "CAD", "MXN"};
  private static final String[] STATUSES = {"Open", "Open", "Approved", "Closed", "Cancelled"};
  private static final String[] TERMS = {"Net 30", "Net 45", "Net 60", "2% 10 Net 30"};
  private static final String[] INCOTERMS = {"FOB", "EXW", "DAP", "CIF"};
  static final String[] BUILDINGS = {"GR-1", "GR-2", "MTY-1"};
  private static final String[] SHIP_TO = {
    "Plant GR-1, 1200 Industrial Pkwy, Grand Rapids, MI 49503, US",
    "Plant GR-2, 455 Foundry St, Grand Rapids, MI 49504, US",
    "Planta MTY-1, Av. Industrial 300, Apodaca, NL 66600, MX"
  };

  private final Seeds seeds;
  private final int linesPerOrder;
  private final int suppliers;
  private final int parts;

  /**
   * Orders name suppliers and parts by index among the {@code suppliers} and {@code parts} the
   * sandbox serves.
   */
  PurchaseOrderGenerator(long seed, int linesPerOrder, int suppliers, int parts) {
    this.seeds = new Seeds(seed);
    this.linesPerOrder = linesPerOrder;
    this.suppliers = suppliers;
    this.parts = parts;
  }

  UUID orderId(int index) {
    return seeds.uuid(ORDER, index, 0);
  }

  /** The index of the order with this id, or -1 when no order of {@code count} has it. */
  int indexOf(String id, int count) {
    return seeds.indexOf(ORDER, id, count);
  }

  ObjectNode order(int index, Instant modified) {
    SplittableRandom random = seeds.random(ORDER, index, 0);
    Instant created = modified.minus(Duration.ofMinutes(random.nextLong(0, 60L * 24 * 60)));
    Instant ordered = created.plus(Duration.ofMinutes(random.nextLong(0, 240)));
    String status = Seeds.pick(random, STATUSES);
    boolean blanket = random.nextInt(10) == 0;
    ObjectNode order = Json.mapper().createObjectNode();
    order.put("id", orderId(index).toString());
    order.put("poNumber", "PO%07d".formatted(100_000 + index));
    order.put("currencyCode", Seeds.pick(random, CURRENCIES));
    order.put("status", status);
    order.put("active", !status.equals("Closed") && !status.equals("Cancelled"));
    order.put("type", blanket ? "Blanket" : "Standard");
    order.put("supplierId", seeds.uuid(SUPPLIER, random.nextInt(suppliers), 0).toString());
    order.put("poDate", PlexTimestamps.format(ordered));
    order.put("terms", Seeds.pick(random, TERMS));
    order.put("lineItemCount", linesPerOrder);
    order.put("lineItemTotal", lineItemTotal(index));
    order.put("shipTo", Seeds.pick(random, SHIP_TO));
    order.put("orderedDate", PlexTimestamps.format(ordered));
    order.put(
        "dueDate", PlexTimestamps.format(ordered.plus(Duration.ofDays(random.nextInt(7, 60)))));
    order.put(
        "approvedDate",
        status.equals("Open") ? null : PlexTimestamps.format(ordered.plusSeconds(3_600)));
    order.put("note", random.nextInt(4) == 0 ? "Deliver to dock " + (1 + random.nextInt(6)) : null);
    order.put("building", Seeds.pick(random, BUILDINGS));
    order.put("incoTerms", Seeds.pick(random, INCOTERMS));
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

  /**
   * What a line buys, drawn first from its random stream so an order's total needs nothing else of
   * its lines.
   */
  private record Priced(
      SplittableRandom random, int partIndex, BigDecimal unitPrice, BigDecimal quantity) {}

  private Priced priced(int index, int lineNumber) {
    SplittableRandom random = seeds.random(LINE, index, lineNumber);
    int partIndex = random.nextInt(parts);
    return new Priced(
        random, partIndex, unitPrice(random), quantity(random, CatalogPart.of(partIndex)));
  }

  private ObjectNode lineItem(int index, int lineNumber, Instant orderModified) {
    Priced priced = priced(index, lineNumber);
    SplittableRandom random = priced.random();
    int partIndex = priced.partIndex();
    CatalogPart part = CatalogPart.of(partIndex);
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("id", seeds.uuid(LINE, index, lineNumber).toString());
    line.put("lineItemNumber", lineNumber);
    line.put("status", random.nextInt(8) == 0 ? "Received" : "Open");
    line.put("unit", part.unit());
    line.put("description", part.description());
    line.put("unitPrice", priced.unitPrice());
    line.put("supplierPartNumber", "SP-%05d".formatted(10_000 + partIndex));
    line.put("itemId", seeds.uuid(ITEM, partIndex, 0).toString());
    line.put("partId", seeds.uuid(PART, partIndex, 0).toString());
    line.put("blanketQuantity", BigDecimal.ZERO);
    line.put("note", random.nextInt(6) == 0 ? "Certificate of conformance required" : null);
    line.put(
        "modifiedDate",
        PlexTimestamps.format(orderModified.minusSeconds(random.nextInt(0, 3_600))));
    line.put(PlexGuesses.LINE_ITEM_QUANTITY_FIELD, priced.quantity());
    return line;
  }

  private BigDecimal lineItemTotal(int index) {
    BigDecimal total = BigDecimal.ZERO;
    for (int line = 1; line <= linesPerOrder; line++) {
      Priced priced = priced(index, line);
      total = total.add(priced.unitPrice().multiply(priced.quantity()));
    }
    return total;
  }

  /** Prices with two or four decimals, as purchased parts have; exact, never through a double. */
  private static BigDecimal unitPrice(SplittableRandom random) {
    return random.nextBoolean()
        ? BigDecimal.valueOf(random.nextLong(5, 50_000), 2)
        : BigDecimal.valueOf(random.nextLong(100, 5_000_000), 4);
  }

  private static BigDecimal quantity(SplittableRandom random, CatalogPart part) {
    return BigDecimal.valueOf(
        random.nextLong(1, 500 * POWERS_OF_TEN[part.quantityScale()]), part.quantityScale());
  }
}
