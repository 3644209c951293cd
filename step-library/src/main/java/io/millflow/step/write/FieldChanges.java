package io.millflow.step.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields a write body would change in the record a system holds: a number by its value ({@code
 * 12.5} is {@code 12.50}), a timestamp by its instant, an object with an {@code id} by that id,
 * anything else by its text. A field the body leaves out is not a change.
 */
public final class FieldChanges {

  private FieldChanges() {}

  /** The changes; every field of {@code body} when {@code current} is null (a create). */
  public static List<WriteDiff.FieldChange> between(ObjectNode current, ObjectNode body) {
    List<WriteDiff.FieldChange> changes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : body.properties()) {
      JsonNode old = current == null ? null : current.get(field.getKey());
      JsonNode written = field.getValue();
      boolean bothEmpty = (old == null || old.isNull()) && written.isNull();
      if (!bothEmpty && (old == null || old.isNull() || !same(old, written))) {
        changes.add(new WriteDiff.FieldChange(field.getKey(), old, written));
      }
    }
    return changes;
  }

  /**
   * Whether the value a system holds is the one a write sends, by the rules above; for a connector
   * that compares more (NetSuite's sublists line by line) and leaves single values to this.
   */
  public static boolean same(JsonNode old, JsonNode written) {
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
    if (old.isTextual() && written.isTextual() && !old.asText().equals(written.asText())) {
      return sameInstant(old.asText(), written.asText()); // 12:00:00Z is 12:00:00.0000000Z
    }
    return old.isValueNode() && old.asText().equals(written.asText());
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return Instant.parse(a).equals(Instant.parse(b));
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
