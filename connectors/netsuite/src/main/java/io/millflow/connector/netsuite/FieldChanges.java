package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.step.write.WriteDiff;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a write body would change in the record NetSuite holds, each value compared as
 * step-library's {@link io.millflow.step.write.FieldChanges#same} does (a reference by its id, a
 * number by its value, a timestamp by its instant, anything else by its text), each value without
 * NetSuite's {@code links}. A sublist read with the record ({@code {"items": [...]}}) is compared
 * line by line, lines matched by {@link NetSuiteGuesses#ORDER_LINE_KEY}: {@code
 * item[line=2].quantity} for a changed field, {@code item[line=3]} for a line added (old null) or,
 * when the write replaces the sublist, removed (new null).
 */
final class FieldChanges {

  private FieldChanges() {}

  static List<WriteDiff.FieldChange> between(ObjectNode current, ObjectNode body) {
    return between(current, body, null);
  }

  static List<WriteDiff.FieldChange> between(
      ObjectNode current, ObjectNode body, String replacedSublist) {
    List<WriteDiff.FieldChange> changes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      JsonNode old = current == null ? null : current.get(field.getKey());
      if (isSublist(old) && isSublist(field.getValue())) {
        addLineChanges(
            field.getKey(),
            old.path("items"),
            field.getValue().path("items"),
            field.getKey().equals(replacedSublist),
            changes);
      } else if (old == null
          || old.isNull()
          || !io.millflow.step.write.FieldChanges.same(old, field.getValue())) {
        changes.add(new WriteDiff.FieldChange(field.getKey(), withoutLinks(old), field.getValue()));
      }
    }
    return changes;
  }

  private static void addLineChanges(
      String sublist,
      JsonNode oldLines,
      JsonNode newLines,
      boolean replaced,
      List<WriteDiff.FieldChange> changes) {
    Map<String, JsonNode> old = new LinkedHashMap<>();
    oldLines.forEach(line -> old.put(line.path(NetSuiteGuesses.ORDER_LINE_KEY).asText(), line));
    for (JsonNode line : newLines) {
      String key = line.path(NetSuiteGuesses.ORDER_LINE_KEY).asText();
      JsonNode before = old.remove(key);
      String name = sublist + "[" + NetSuiteGuesses.ORDER_LINE_KEY + "=" + key + "]";
      if (before == null || key.isEmpty()) {
        changes.add(new WriteDiff.FieldChange(name, null, line));
        continue;
      }
      for (Map.Entry<String, JsonNode> field : line.properties()) {
        JsonNode was = before.get(field.getKey());
        if (was == null
            || was.isNull()
            || !io.millflow.step.write.FieldChanges.same(was, field.getValue())) {
          changes.add(
              new WriteDiff.FieldChange(
                  name + "." + field.getKey(), withoutLinks(was), field.getValue()));
        }
      }
    }
    if (replaced) {
      old.forEach(
          (key, line) ->
              changes.add(
                  new WriteDiff.FieldChange(
                      sublist + "[" + NetSuiteGuesses.ORDER_LINE_KEY + "=" + key + "]",
                      withoutLinks(line),
                      null)));
    }
  }

  private static boolean isSublist(JsonNode value) {
    return value != null && value.isObject() && value.path("items").isArray();
  }

  private static JsonNode withoutLinks(JsonNode value) {
    if (value instanceof ObjectNode object && object.has("links")) {
      ObjectNode copy = object.deepCopy();
      copy.remove("links");
      return copy;
    }
    return value;
  }
}
