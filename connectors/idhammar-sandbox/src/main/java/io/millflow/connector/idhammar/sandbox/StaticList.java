package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import java.util.List;

/**
 * The small fixed lists (sites, machines, reason codes, shifts): {@code limit} and an offset
 * cursor.
 */
final class StaticList {

  private StaticList() {}

  static ObjectNode page(List<ObjectNode> all, QueryParameters query) {
    int limit = query.limit();
    PageCursor cursor = PageCursor.decode(query.text("cursor"), "list");
    int from = cursor == null ? 0 : (int) Math.min(Math.max(cursor.time(), 0), all.size());
    int to = Math.min(all.size(), from + limit);
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode data = body.putArray("data");
    all.subList(from, to).forEach(data::add);
    body.put("next", to < all.size() ? new PageCursor("list", to, "").encode() : null);
    return body;
  }
}
