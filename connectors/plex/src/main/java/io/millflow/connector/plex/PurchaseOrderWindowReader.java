package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.PlexPurchaseOrdersRead.Plan;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.step.Batches;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of {@link PlexPurchaseOrdersRead}: walks the windows, halves crowded ones, skips orders
 * already written, adds line items and writes each order as soon as it has them. Not thread-safe;
 * one per run.
 */
final class PurchaseOrderWindowReader {

  private static final Duration SMALLEST_WINDOW = Duration.ofSeconds(1);
  private static final int PROGRESS_EVERY = 100;

  private final PlexClient client;
  private final DatasetWriter out;
  private final StepContext context;
  private final Plan plan;

  /**
   * Id to modifiedDate of every order written: about 150 bytes an order, the only state that grows
   * with the read.
   */
  private final Map<String, Instant> written = new HashMap<>();

  private final BoundaryMargin.Cursor cursor;
  private long calls;
  private long duplicates;

  PurchaseOrderWindowReader(PlexClient client, DatasetWriter out, StepContext context, Plan plan) {
    this.client = client;
    this.out = out;
    this.context = context;
    this.plan = plan;
    this.cursor = plan.margin().cursorAt(plan.startedAt());
  }

  /** Reads window by window, and reports each window read (a crowded one halved counts once). */
  void readAll() {
    long windows = windowCount();
    long read = 0;
    for (Instant begin = plan.since(); begin.isBefore(plan.until()); ) {
      Instant end = min(begin.plus(plan.window()), plan.until());
      readWindow(begin, end);
      context.progress(out.count(), -1, Batches.windows(++read, windows));
      begin = end;
    }
  }

  /** How many windows of the plan's length cover its range, the last one possibly shorter. */
  private long windowCount() {
    Duration range = Duration.between(plan.since(), plan.until());
    if (range.isNegative() || range.isZero()) {
      return 0;
    }
    long whole = range.dividedBy(plan.window());
    return plan.window().multipliedBy(whole).equals(range) ? whole : whole + 1;
  }

  /** The newest {@code modifiedDate} of the orders written and their changed releases. */
  BoundaryMargin.Cursor cursor() {
    return cursor;
  }

  long calls() {
    return calls;
  }

  long duplicates() {
    return duplicates;
  }

  private void readWindow(Instant begin, Instant end) {
    List<ObjectNode> orders = client.purchaseOrders(PurchaseOrderFilter.modifiedIn(begin, end));
    calls++;
    Duration length = Duration.between(begin, end);
    if (orders.size() > plan.maxPerWindow() && length.compareTo(SMALLEST_WINDOW) > 0) {
      context
          .log()
          .info(
              "["
                  + begin
                  + ", "
                  + end
                  + ") holds "
                  + orders.size()
                  + " purchase orders, more than "
                  + plan.maxPerWindow()
                  + ": reading it in two halves");
      orders = List.of(); // let the crowded answer go before reading the halves
      Instant middle = PlexTimestamps.truncate(begin.plus(length.dividedBy(2)));
      readWindow(begin, middle);
      readWindow(middle, end);
      return;
    }
    if (orders.size() > plan.maxPerWindow()) {
      context
          .log()
          .warn(
              "["
                  + begin
                  + ", "
                  + end
                  + ") holds "
                  + orders.size()
                  + " purchase orders, more than "
                  + plan.maxPerWindow()
                  + ", but a window of one second is not split further: reading them all");
    }
    writeAll(orders);
    if (plan.includeLineItems()) {
      writeOrdersWhoseReleasesChanged(begin, end, orders);
    }
  }

  /**
   * Orders written with their lines' releases, fetched for {@link LineReleases#ORDERS_PER_CALL}
   * orders a call.
   */
  private void writeAll(List<ObjectNode> orders) {
    for (int from = 0; from < orders.size(); from += LineReleases.ORDERS_PER_CALL) {
      List<ObjectNode> chunk =
          orders.subList(from, Math.min(orders.size(), from + LineReleases.ORDERS_PER_CALL));
      Map<String, List<ObjectNode>> releases = Map.of();
      if (plan.includeLineItems()) {
        releases =
            LineReleases.ofOrders(
                client, chunk.stream().map(order -> order.path("id").asText()).toList());
        calls++;
      }
      for (ObjectNode order : chunk) {
        write(order, releases);
      }
    }
  }

  /**
   * A release carries its own modifiedDate: an order whose releases changed in the window while its
   * header did not is read too, so its lines' quantities are not left behind. The cursor follows
   * those releases as it follows orders: every release changed in the window is read with its order
   * now (or, for an order changed later still, in its own window or the next run), so the next run
   * need not read them again.
   */
  private void writeOrdersWhoseReleasesChanged(
      Instant begin, Instant end, List<ObjectNode> ordersOfWindow) {
    Map<String, Instant> changedReleases = LineReleases.ordersChangedIn(client, begin, end);
    calls++;
    changedReleases.values().forEach(cursor::seen);
    Set<String> changed = new LinkedHashSet<>(changedReleases.keySet());
    ordersOfWindow.forEach(order -> changed.remove(order.path("id").asText()));
    changed.removeAll(written.keySet());
    if (changed.isEmpty()) {
      return;
    }
    List<String> ids = List.copyOf(changed);
    for (int from = 0; from < ids.size(); from += LineReleases.ORDERS_PER_CALL) {
      List<String> chunk =
          ids.subList(from, Math.min(ids.size(), from + LineReleases.ORDERS_PER_CALL));
      List<ObjectNode> orders =
          client.purchaseOrders(new PurchaseOrderFilter(chunk, null, null, null, null, null));
      calls++;
      // only orders older than the window: a newer one is its own window's (or the next run's),
      // and writing it here would move the cursor past orders not read yet
      writeAll(
          orders.stream()
              .filter(
                  order ->
                      RecordChanges.changedAt(order, "purchase order", "id", "modifiedDate")
                          .isBefore(begin))
              .toList());
    }
  }

  private void write(ObjectNode order, Map<String, List<ObjectNode>> releases) {
    Instant modified = RecordChanges.changedAt(order, "purchase order", "id", "modifiedDate");
    String id = order.get("id").asText();
    Instant before = written.get(id);
    if (before != null && !modified.isAfter(before)) {
      duplicates++; // the same version again, e.g. from a boundary Plex counted in two windows
      return;
    }
    if (before != null) {
      context
          .log()
          .warn(
              "Purchase order "
                  + id
                  + " changed while it was being read ("
                  + before
                  + ", then "
                  + modified
                  + "): the dataset holds both versions; a sink keeps the newer");
    }
    if (plan.includeLineItems()) {
      addLineItems(order, id, releases);
    }
    out.add(order);
    written.put(id, modified);
    cursor.seen(modified);
    if (out.count() % PROGRESS_EVERY == 0) {
      context.progress(out.count(), -1);
    }
  }

  private void addLineItems(ObjectNode order, String id, Map<String, List<ObjectNode>> releases) {
    List<ObjectNode> items = client.purchaseOrderLineItems(id);
    LineReleases.attach(items, releases);
    calls++;
    int expected = order.path("lineItemCount").asInt(-1);
    if (items.isEmpty() && expected > 0) {
      context
          .log()
          .warn(
              "Purchase order "
                  + id
                  + " says it has "
                  + expected
                  + " line items, but Plex returned none");
    }
    order.putArray("lineItems").addAll(items);
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
