package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The sandbox's purchase orders. Only their modified dates are kept ({@link ModifiedIndex}); the
 * orders themselves are generated when asked for, always the same for the same seed and modified
 * date.
 */
final class PurchaseOrderData {

  private final PurchaseOrderGenerator generator;
  private final ModifiedIndex modified;

  PurchaseOrderData(PlexSandboxConfig config) {
    this.generator =
        new PurchaseOrderGenerator(
            config.seed(), config.linesPerOrder(), config.suppliers(), config.parts());
    this.modified =
        new ModifiedIndex(
            config.purchaseOrders(),
            config.dataStart(),
            config.dataEnd(),
            new SplittableRandom(config.seed()));
  }

  int count() {
    return modified.count();
  }

  /** Indexes of the orders modified in {@code [begin, end)}; a null bound is open. */
  IntStream modifiedBetween(Instant begin, Instant end) {
    return modified.modifiedBetween(begin, end);
  }

  /** The index of the order with this id, or -1. */
  int indexOf(String id) {
    return generator.indexOf(id, count());
  }

  UUID id(int index) {
    return generator.orderId(index);
  }

  Instant modified(int index) {
    return modified.modified(index);
  }

  /** The order was edited at {@code when}: it and its line items now carry that modified date. */
  void touch(int index, Instant when) {
    modified.touch(index, when);
  }

  ObjectNode order(int index) {
    return generator.order(index, modified(index));
  }

  ArrayNode lineItems(int index) {
    return generator.lineItems(index, modified(index));
  }

  /** The releases Plex holds for the order's lines as generated, before any write. */
  ArrayNode releases(int index) {
    return generator.releases(index, modified(index));
  }

  /** The generated release with this id, or empty. */
  Optional<ObjectNode> release(String id) {
    int[] place = generator.releaseOf(id, count());
    if (place == null) {
      return Optional.empty();
    }
    for (var release : releases(place[0])) {
      if (release.get("id").asText().equals(id)) {
        return Optional.of((ObjectNode) release);
      }
    }
    return Optional.empty(); // a blanket order's line has none
  }

  /** A release of this line with what it takes from the order and line, before its own fields. */
  ObjectNode releaseOfLine(int index, ObjectNode line) {
    return generator.releaseOfLine(order(index), line);
  }

  /** The order index of a line item id, or -1. */
  int orderOfLine(String lineItemId) {
    int[] place = generator.lineOf(lineItemId, count());
    return place == null ? -1 : place[0];
  }

  /** The line item with this id, or empty. */
  Optional<ObjectNode> lineItem(String lineItemId) {
    int[] place = generator.lineOf(lineItemId, count());
    return place == null
        ? Optional.empty()
        : Optional.of(generator.lineItem(place[0], place[1], modified(place[0])));
  }
}
