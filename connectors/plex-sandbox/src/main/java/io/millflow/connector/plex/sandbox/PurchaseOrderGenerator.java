package io.millflow.connector.plex.sandbox;

import static io.millflow.connector.plex.sandbox.Seeds.ITEM;
import static io.millflow.connector.plex.sandbox.Seeds.LINE;
import static io.millflow.connector.plex.sandbox.Seeds.ORDER;
import static io.millflow.connector.plex.sandbox.Seeds.PART;
import static io.millflow.connector.plex.sandbox.Seeds.RELEASE;
import static io.millflow.connector.plex.sandbox.Seeds.SUPPLIER;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
    boolean blanket = random.nextInt(10) == 0; // as blanket(index) draws it
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

  ObjectNode lineItem(int index, int lineNumber, Instant orderModified) {
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
    line.put("blanketQuantity", blanket(index) ? priced.quantity() : BigDecimal.ZERO);
    line.put("note", random.nextInt(6) == 0 ? "Certificate of conformance required" : null);
    line.put(
        "modifiedDate",
        PlexTimestamps.format(orderModified.minusSeconds(random.nextInt(0, 3_600))));
    return line;
  }

  /** Whether order {@code index} is a blanket order, drawn as {@link #order} draws it. */
  boolean blanket(int index) {
    SplittableRandom random = seeds.random(ORDER, index, 0);
    random.nextLong(0, 60L * 24 * 60);
    random.nextLong(0, 240);
    random.nextInt(STATUSES.length);
    return random.nextInt(10) == 0;
  }

  /**
   * The releases of order {@code index}, as {@code GET /purchasing/v2-beta1/releases} lists them:
   * none for a blanket order (its lines carry {@code blanketQuantity}), else per line one release
   * for the whole quantity, or two (received and open) that add up to it on even lines, and on
   * every third line also a canceled one that does not count.
   */
  ArrayNode releases(int index, Instant orderModified) {
    ArrayNode releases = Json.mapper().createArrayNode();
    if (blanket(index)) {
      return releases;
    }
    ObjectNode order = order(index, orderModified);
    for (int lineNumber = 1; lineNumber <= linesPerOrder; lineNumber++) {
      ObjectNode line = lineItem(index, lineNumber, orderModified);
      BigDecimal quantity = priced(index, lineNumber).quantity();
      boolean received = line.path("status").asText().equals("Received");
      if (lineNumber % 2 == 0 && quantity.compareTo(BigDecimal.ONE) > 0) {
        BigDecimal first =
            quantity.divide(BigDecimal.valueOf(2), quantity.scale(), RoundingMode.DOWN);
        releases.add(release(index, order, line, 1, first, "Received"));
        releases.add(
            release(
                index, order, line, 2, quantity.subtract(first), received ? "Received" : "Open"));
      } else {
        releases.add(release(index, order, line, 1, quantity, received ? "Received" : "Open"));
      }
      if (lineNumber % 3 == 0) {
        releases.add(
            release(index, order, line, 3, BigDecimal.TEN, PlexGuesses.RELEASE_CANCELED_STATUS));
      }
    }
    return releases;
  }

  UUID releaseId(int index, int lineNumber, int releaseNumber) {
    return seeds.uuid(RELEASE, index, lineNumber * 10 + releaseNumber);
  }

  /**
   * The order index, line number and release number of a generated release id, or null when no
   * release of {@code count} orders has it.
   */
  int[] releaseOf(String id, int count) {
    for (int lineNumber = 1; lineNumber <= linesPerOrder; lineNumber++) {
      for (int number = 1; number <= 3; number++) {
        int index = seeds.indexOf(RELEASE, id, count, lineNumber * 10 + number);
        if (index >= 0) {
          return new int[] {index, lineNumber, number};
        }
      }
    }
    return null;
  }

  /**
   * The order index and line number of a line item id, or null when no line of {@code count} orders
   * has it.
   */
  int[] lineOf(String id, int count) {
    for (int lineNumber = 1; lineNumber <= linesPerOrder; lineNumber++) {
      int index = seeds.indexOf(LINE, id, count, lineNumber);
      if (index >= 0) {
        return new int[] {index, lineNumber};
      }
    }
    return null;
  }

  /** The fields a release of this line takes from its order and line. */
  ObjectNode releaseOfLine(ObjectNode order, ObjectNode line) {
    ObjectNode release = Json.mapper().createObjectNode();
    release.put("poLineItemId", line.get("id").asText());
    release.put("partId", line.get("partId").asText());
    release.put("poId", order.get("id").asText());
    release.put("supplierId", order.get("supplierId").asText());
    release.put("lineItemNo", line.get("lineItemNumber").asInt());
    release.put("poNumber", order.get("poNumber").asText());
    release.put("buildingCode", order.get("building").asText());
    return release;
  }

  /** A release of a line, in the published shape; its dates follow the line's. */
  private ObjectNode release(
      int index,
      ObjectNode order,
      ObjectNode line,
      int number,
      BigDecimal quantity,
      String status) {
    int lineNumber = line.get("lineItemNumber").asInt();
    Instant modified = PlexTimestamps.parseStrict(line.get("modifiedDate").asText());
    Instant due =
        PlexTimestamps.parseStrict(order.get("dueDate").asText())
            .plus(Duration.ofDays(7L * (number - 1)));
    ObjectNode release = releaseOfLine(order, line);
    release.put("id", releaseId(index, lineNumber, number).toString());
    release.put("status", status);
    release.put("releaseDate", order.get("poDate").asText());
    release.put("quantity", quantity);
    release.put("dueDate", PlexTimestamps.format(due));
    release.put("originalDueDate", PlexTimestamps.format(due));
    release.put("releaseLineNumber", number);
    release.put("createdDate", order.get("createdDate").asText());
    release.put("modifiedDate", PlexTimestamps.format(modified));
    return release;
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
