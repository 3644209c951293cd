package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.step.Json;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A written purchase order's item sublist, keyed by {@link NetSuiteGuesses#ORDER_LINE_KEY}: lines
 * are numbered from 1 when the order is created and start with nothing received; an update merges
 * the lines it sends into them as Oracle documents for keyed sublists.
 */
final class OrderLines {

  private OrderLines() {}

  /** Numbers the lines of a new order 1, 2, ... and sets what each has received to 0. */
  static void number(ObjectNode order) {
    int next = 1;
    for (JsonNode line : order.path("item").path("items")) {
      if (line instanceof ObjectNode object) {
        object.put(NetSuiteGuesses.ORDER_LINE_KEY, next++);
        object.put(NetSuiteGuesses.ORDER_LINE_RECEIVED, 0);
      }
    }
  }

  /**
   * The order's item sublist after an update: a line sent with the key of an existing line updates
   * its fields (what it received stays), any other line sent is added with the next number, and
   * with {@code replace} the lines not sent are removed (without, they stay).
   */
  static ObjectNode merge(ObjectNode order, ObjectNode update, boolean replace) {
    Map<String, ObjectNode> lines = new LinkedHashMap<>();
    int next = 1;
    for (JsonNode line : order.path("item").path("items")) {
      lines.put(line.path(NetSuiteGuesses.ORDER_LINE_KEY).asText(), (ObjectNode) line.deepCopy());
      next = Math.max(next, line.path(NetSuiteGuesses.ORDER_LINE_KEY).asInt() + 1);
    }
    Map<String, ObjectNode> merged = new LinkedHashMap<>();
    for (JsonNode sent : update.path("item").path("items")) {
      ObjectNode existing = lines.remove(sent.path(NetSuiteGuesses.ORDER_LINE_KEY).asText());
      ObjectNode line = existing != null ? existing : Json.mapper().createObjectNode();
      sent.properties().forEach(field -> line.set(field.getKey(), field.getValue()));
      if (existing == null) {
        line.put(NetSuiteGuesses.ORDER_LINE_KEY, next++);
        line.put(NetSuiteGuesses.ORDER_LINE_RECEIVED, 0);
      }
      merged.put(line.path(NetSuiteGuesses.ORDER_LINE_KEY).asText(), line);
    }
    if (!replace) {
      lines.forEach(merged::putIfAbsent);
    }
    ArrayNode items = Json.mapper().createArrayNode();
    merged.values().stream()
        .sorted(
            (a, b) ->
                Integer.compare(
                    a.path(NetSuiteGuesses.ORDER_LINE_KEY).asInt(),
                    b.path(NetSuiteGuesses.ORDER_LINE_KEY).asInt()))
        .forEach(items::add);
    ObjectNode sublist = Json.mapper().createObjectNode();
    sublist.set("items", items);
    return sublist;
  }

  /** Raises line {@code line}'s received quantity by {@code quantity}; false when no such line. */
  static boolean receive(ObjectNode order, String line, BigDecimal quantity) {
    for (JsonNode each : order.path("item").path("items")) {
      if (each.path(NetSuiteGuesses.ORDER_LINE_KEY).asText().equals(line)
          && each instanceof ObjectNode object) {
        BigDecimal received =
            new BigDecimal(object.path(NetSuiteGuesses.ORDER_LINE_RECEIVED).asText("0"));
        object.put(NetSuiteGuesses.ORDER_LINE_RECEIVED, received.add(quantity));
        return true;
      }
    }
    return false;
  }
}
