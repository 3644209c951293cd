package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.NetSuiteClient.SuiteQlPage;
import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.step.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds purchase-order records from a page of header rows: one SuiteQL query over {@code
 * transactionline} for the lines of the whole page (paged like any query), grouped by order into
 * the record's {@code item} sublist, as {@code expandSubResources=true} gives it.
 */
final class PurchaseOrderLines {

  private PurchaseOrderLines() {}

  static List<ObjectNode> attach(
      List<ObjectNode> headers,
      NetSuiteClient client,
      NetSuiteConnectionSettings settings,
      int pageSize) {
    List<String> ids = headers.stream().map(row -> row.path("id").asText()).toList();
    Map<String, ArrayNode> lines = new HashMap<>();
    addLines(ids, lines, client, settings, pageSize);
    List<ObjectNode> orders = new ArrayList<>(headers.size());
    for (ObjectNode header : headers) {
      ObjectNode order = SuiteQlEntity.PURCHASE_ORDER.toRecord(header, settings.timeZone());
      order.set(
          "item",
          sublist(lines.getOrDefault(order.path("id").asText(), Json.mapper().createArrayNode())));
      orders.add(order);
    }
    return orders;
  }

  /**
   * The lines of {@code ids}; when they are more than one query may return, the ids are split in
   * halves.
   */
  private static void addLines(
      List<String> ids,
      Map<String, ArrayNode> lines,
      NetSuiteClient client,
      NetSuiteConnectionSettings settings,
      int pageSize) {
    String query =
        SuiteQlEntity.PURCHASE_ORDER_LINE.byIds(
            "transaction", ids, "transaction, linesequencenumber");
    Map<String, ArrayNode> found = new HashMap<>();
    for (int offset = 0; ; offset += pageSize) {
      SuiteQlPage page = client.suiteQl(query, pageSize, offset);
      for (ObjectNode row : page.items()) {
        found
            .computeIfAbsent(
                row.path("transaction").asText(), id -> Json.mapper().createArrayNode())
            .add(SuiteQlEntity.PURCHASE_ORDER_LINE.toRecord(row, settings.timeZone()));
      }
      if (!page.hasMore() || page.items().isEmpty()) {
        lines.putAll(found);
        return;
      }
      if (offset + 2L * pageSize > settings.suiteQlResultLimit() && ids.size() > 1) {
        addLines(ids.subList(0, ids.size() / 2), lines, client, settings, pageSize);
        addLines(ids.subList(ids.size() / 2, ids.size()), lines, client, settings, pageSize);
        return;
      }
    }
  }

  /**
   * {@code {"items":[...],"count":n,"hasMore":false,"offset":0,"totalResults":n}}, NetSuite's
   * expanded sublist.
   */
  static ObjectNode sublist(ArrayNode items) {
    ObjectNode sublist = Json.mapper().createObjectNode();
    sublist.putArray("links");
    sublist.put("count", items.size()).put("hasMore", false);
    sublist.set("items", items);
    sublist.put("offset", 0).put("totalResults", items.size());
    return sublist;
  }
}
