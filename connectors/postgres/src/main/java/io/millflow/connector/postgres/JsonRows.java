package io.millflow.connector.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.StepFailure;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records of a generic dataset as table rows: each JSON field becomes the snake_case column of the same name, with a
 * type inferred from the first non-null value seen (README.md, "Generic datasets"). One instance serves one write.
 */
final class JsonRows {

  static final String TEXT = "text";
  static final String NUMERIC = "numeric";
  static final String BOOLEAN = "boolean";
  static final String TIMESTAMPTZ = "timestamptz";
  static final String JSONB = "jsonb";

  /** A batch as rows: the columns it uses (name to inferred type, in order of first appearance), one map per row. */
  record Batch(Map<String, String> columnTypes, List<Map<String, JsonNode>> rows) {}

  private final List<String> keyColumns;
  private final Map<String, String> columnOfField = new HashMap<>();

  JsonRows(List<String> keyColumns) {
    this.keyColumns = keyColumns;
  }

  /** The batch's rows, one per key (the last record wins) when there are key columns. */
  Batch batch(List<JsonNode> records, long offset) {
    List<Map<String, JsonNode>> rows = new ArrayList<>(records.size());
    Map<String, String> types = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, JsonNode> row = row(records.get(i), offset + i + 1);
      // A column's type comes from its first non-null value; a column that is null throughout is text.
      row.forEach((column, value) -> types.merge(column, value.isNull() ? "" : inferType(value),
          (known, next) -> known.isEmpty() ? next : known));
      rows.add(row);
    }
    types.replaceAll((column, type) -> type.isEmpty() ? TEXT : type);
    keyColumns.stream().filter(key -> !types.containsKey(key)).findFirst().ifPresent(key -> {
      throw new StepFailure("UNKNOWN_KEY_FIELD", "The key field '" + key + "' (from the step's 'keyFields') is not a"
          + " field of the records; their fields are " + types.keySet() + ". Correct 'keyFields'.");
    });
    return new Batch(types, keyColumns.isEmpty() ? rows : lastPerKey(rows, offset));
  }

  private List<Map<String, JsonNode>> lastPerKey(List<Map<String, JsonNode>> rows, long offset) {
    Map<List<String>, Map<String, JsonNode>> byKey = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      byKey.put(keyOf(rows.get(i), offset + i + 1), rows.get(i));
    }
    return new ArrayList<>(byKey.values());
  }

  private Map<String, JsonNode> row(JsonNode record, long number) {
    if (!record.isObject()) {
      throw new StepFailure("INVALID_RECORD", "Record " + number + " of the dataset is a JSON " + record.getNodeType()
          .name().toLowerCase(Locale.ROOT) + ", not an object: only objects can be written as rows.");
    }
    Map<String, JsonNode> row = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : record.properties()) {
      String column = columnOfField.computeIfAbsent(field.getKey(), Identifiers::columnOfField);
      if (row.put(column, field.getValue()) != null) {
        throw new StepFailure("COLUMN_NAME_CLASH", "Record " + number + " has two fields that both become the column '"
            + column + "' (one of them is '" + field.getKey() + "'): rename one in an earlier step.");
      }
    }
    return row;
  }

  private List<String> keyOf(Map<String, JsonNode> row, long number) {
    List<String> key = new ArrayList<>(keyColumns.size());
    for (String column : keyColumns) {
      JsonNode value = row.get(column);
      if (value == null || value.isNull()) {
        throw new StepFailure("MISSING_KEY", "Record " + number + " has no value for the key field '" + column
            + "': every record needs all of the step's 'keyFields'.");
      }
      key.add(value.isValueNode() ? value.asText() : value.toString());
    }
    return key;
  }

  /** numeric, boolean, jsonb (objects, arrays), timestamptz (ISO-8601 with an offset or Z), else text. */
  static String inferType(JsonNode value) {
    if (value.isNumber()) {
      return NUMERIC;
    }
    if (value.isBoolean()) {
      return BOOLEAN;
    }
    if (value.isContainerNode()) {
      return JSONB;
    }
    return value.isTextual() && isTimestamp(value.textValue()) ? TIMESTAMPTZ : TEXT;
  }

  private static boolean isTimestamp(String text) {
    try {
      OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** What COPY gets for a value in a column of the given PostgreSQL data type. */
  static Object copyValue(JsonNode value, String dataType) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (dataType.equals("jsonb") || dataType.equals("json") || value.isContainerNode()) {
      return value.toString();
    }
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }
}
