package io.millflow.connector.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields a write body would change in the record NetSuite holds: a reference by its id, a
 * number by its value ({@code 12.5} is {@code 12.50}), anything else by its text.
 */
final class FieldChanges {

  private FieldChanges() {}

  static List<UpsertDiff.FieldChange> between(ObjectNode current, ObjectNode body) {
    List<UpsertDiff.FieldChange> changes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      JsonNode old = current == null ? null : current.get(field.getKey());
      if (old == null || old.isNull() || !same(old, field.getValue())) {
        changes.add(
            new UpsertDiff.FieldChange(field.getKey(), withoutLinks(old), field.getValue()));
      }
    }
    return changes;
  }

  private static boolean same(JsonNode old, JsonNode written) {
    if (written.isObject() && written.has("id")) {
      return old.path("id").asText().equals(written.path("id").asText());
    }
    if (written.isNumber()) {
      try {
        return new BigDecimal(old.asText()).compareTo(written.decimalValue()) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return old.isValueNode() && old.asText().equals(written.asText());
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
