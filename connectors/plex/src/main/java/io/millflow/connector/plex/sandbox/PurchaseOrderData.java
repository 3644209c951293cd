package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The sandbox's purchase orders. Only their modified dates are kept (20 bytes an order, sorted for window queries);
 * the orders themselves are generated when asked for, always the same for the same seed.
 */
final class PurchaseOrderData {

  private static final long TICKS_PER_SECOND = 10_000_000L; // Plex's 100 ns precision

  private final PurchaseOrderGenerator generator;
  private final int count;
  private final long[] modifiedTicks; // by order index
  private final int[] byModified; // order indexes, oldest modification first
  private final long[] sortedTicks; // modifiedTicks in the order of byModified, for binary search

  PurchaseOrderData(PlexSandboxConfig config) {
    this.generator = new PurchaseOrderGenerator(config.seed(), config.linesPerOrder());
    this.count = config.purchaseOrders();
    this.modifiedTicks = modifiedTicks(config);
    this.byModified = IntStream.range(0, count).boxed()
        .sorted((a, b) -> compare(a, b)).mapToInt(Integer::intValue).toArray();
    this.sortedTicks = Arrays.stream(byModified).mapToLong(index -> modifiedTicks[index]).toArray();
  }

  int count() {
    return count;
  }

  /** Indexes of the orders modified in {@code [begin, end)}, oldest first; a null bound is open. */
  IntStream modifiedBetween(Instant begin, Instant end) {
    int from = begin == null ? 0 : firstAtOrAfter(ticks(begin));
    int to = end == null ? count : firstAtOrAfter(ticks(end));
    return from >= to ? IntStream.empty() : Arrays.stream(byModified, from, to);
  }

  /** The index of the order with this id, or -1. */
  int indexOf(String id) {
    return generator.indexOf(id, count);
  }

  UUID id(int index) {
    return generator.orderId(index);
  }

  Instant modified(int index) {
    long ticks = modifiedTicks[index];
    return Instant.ofEpochSecond(Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * 100);
  }

  ObjectNode order(int index) {
    return generator.order(index, modified(index));
  }

  ArrayNode lineItems(int index) {
    return generator.lineItems(index, modified(index));
  }

  private int compare(int a, int b) {
    int byTime = Long.compare(modifiedTicks[a], modifiedTicks[b]);
    return byTime != 0 ? byTime : Integer.compare(a, b);
  }

  private int firstAtOrAfter(long ticks) {
    int low = 0, high = count;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sortedTicks[mid] < ticks) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static long[] modifiedTicks(PlexSandboxConfig config) {
    long end = ticks(config.dataEnd());
    long period = ticks(config.dataEnd()) - ticks(config.dataStart());
    SplittableRandom random = new SplittableRandom(config.seed());
    long[] ticks = new long[config.purchaseOrders()];
    for (int i = 0; i < ticks.length; i++) {
      ticks[i] = end - 1 - random.nextLong(period); // strictly before dataEnd: a read up to dataEnd gets every order
    }
    return ticks;
  }

  private static long ticks(Instant instant) {
    return Math.multiplyExact(instant.getEpochSecond(), TICKS_PER_SECOND) + instant.getNano() / 100;
  }
}
