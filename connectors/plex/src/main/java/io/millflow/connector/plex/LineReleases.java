package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The releases of purchase-order lines, read by the batch of orders ({@code pOId} repeated) or by
 * modified window, never one call per line. Plex's published line item has no quantity: a line's
 * quantities and due dates live in its releases (issue 16).
 */
final class LineReleases {

  /** Orders named in one call: short enough for any URL limit (50 UUIDs, about 2 KB). */
  static final int ORDERS_PER_CALL = 50;

  private LineReleases() {}

  /** The releases of these orders' lines, by {@code poLineItemId}. */
  static Map<String, List<ObjectNode>> ofOrders(PlexClient client, List<String> orderIds) {
    Map<String, List<ObjectNode>> byLine = new HashMap<>();
    if (orderIds.isEmpty()) {
      return byLine;
    }
    List<Map.Entry<String, String>> query = new ArrayList<>();
    orderIds.forEach(id -> query.add(Map.entry("pOId", id)));
    for (ObjectNode release : client.releases(query)) {
      byLine
          .computeIfAbsent(release.path("poLineItemId").asText(), line -> new ArrayList<>())
          .add(release);
    }
    return byLine;
  }

  /**
   * The orders whose releases changed in {@code [begin, end)}, by {@code poId}, each with the
   * newest {@code modifiedDate} of its releases there.
   */
  static Map<String, Instant> ordersChangedIn(PlexClient client, Instant begin, Instant end) {
    Map<String, Instant> orders = new LinkedHashMap<>();
    for (ObjectNode release :
        client.releases(
            List.of(
                Map.entry("modifiedDateBegin", PlexTimestamps.format(begin)),
                Map.entry("modifiedDateEnd", PlexTimestamps.format(end))))) {
      String poId = release.path("poId").asText(null);
      if (poId != null) {
        Instant modified = RecordChanges.changedAt(release, "release", "id", "modifiedDate");
        orders.merge(poId, modified, (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return orders;
  }

  /** Puts each line's releases on it as {@code releases} (an empty list when it has none). */
  static void attach(List<ObjectNode> lineItems, Map<String, List<ObjectNode>> byLine) {
    for (ObjectNode item : lineItems) {
      item.putArray("releases").addAll(byLine.getOrDefault(item.path("id").asText(), List.of()));
    }
  }
}
