package io.millflow.engine.records;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A field of a record by name, dotted for a nested one ({@code vendor.name}). */
record FieldPath(String name, List<String> parts) {

  static FieldPath of(String name) {
    return new FieldPath(name, List.of(name.split("\\.")));
  }

  /** Comma-separated names, blanks left out; empty for null. */
  static List<FieldPath> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(name -> !name.isEmpty())
        .map(FieldPath::of)
        .toList();
  }

  /** The field's value in the record; null when it or a parent is missing. */
  Object in(Map<String, Object> record) {
    Object value = record;
    for (String part : parts) {
      if (!(value instanceof Map<?, ?> fields)) {
        return null;
      }
      value = fields.get(part);
    }
    return value;
  }
}
