package io.millflow.connector.sql;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Rejects;
import io.millflow.step.StepFailure;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Records of a generic dataset as table rows: each JSON field becomes the snake_case column of the
 * same name, with a type inferred from the first non-null value seen (each SQL connector's README,
 * "Generic datasets"). One instance serves one write.
 */
public final class JsonRows {

  /**
   * A batch as rows: the columns it uses (name to inferred type, in order of first appearance), one
   * map per row, and the records rejected for lacking a key field (not among the rows).
   */
  public record Batch(
      Map<String, ColumnType> columnTypes, List<Map<String, JsonNode>> rows, Rejects rejected) {}

  private final List<String> keyColumns;
  private final Map<String, String> columnOfField = new HashMap<>();

  public JsonRows(List<String> keyColumns) {
    this.keyColumns = keyColumns;
  }

  /**
   * The batch's rows, one per key (the last record wins) when there are key columns. A record
   * without a value for a key field is rejected, named by its place in the dataset, and the others
   * are written.
   */
  public Batch batch(List<JsonNode> records, long offset) {
    List<Map<String, JsonNode>> rows = new ArrayList<>(records.size());
    Map<String, ColumnType> types = new LinkedHashMap<>();
    Set<String> typed = new HashSet<>();
    Rejects.Tally rejects = new Rejects.Tally();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < records.size(); i++) {
      Map<String, JsonNode> row = row(records.get(i), offset + i + 1);
      seen.addAll(row.keySet());
      String missingKey = missingKey(row);
      if (missingKey != null) {
        rejects.reject(
            "record " + (offset + i + 1) + " of the dataset",
            "no value for the key field '" + missingKey + "'");
        continue;
      }
      // A column's type comes from its first non-null value; a column that is null throughout is
      // text.
      row.forEach(
          (column, value) -> {
            types.putIfAbsent(column, ColumnType.TEXT);
            if (!value.isNull() && typed.add(column)) {
              types.put(column, inferType(value));
            }
          });
      rows.add(row);
    }
    keyColumns.stream()
        .filter(key -> !seen.contains(key))
        .findFirst()
        .ifPresent(
            key -> {
              throw new StepFailure(
                  "UNKNOWN_KEY_FIELD",
                  "The key field '"
                      + key
                      + "' (from the step's 'keyFields') is not a"
                      + " field of the records; their fields are "
                      + types.keySet()
                      + ". Correct 'keyFields'.");
            });
    return new Batch(types, keyColumns.isEmpty() ? rows : lastPerKey(rows), rejects.rejects());
  }

  /**
   * A first pass over a whole dataset, for sinks that must create every column before writing: each
   * column the records need, with the type of its first non-null value. Checks the records and keys
   * as {@link #batch} does.
   */
  public Map<String, ColumnType> columnTypes(Stream<JsonNode> records, int batchSize)
      throws SQLException {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    Batches.write(
        records,
        batchSize,
        (batch, offset) -> {
          batch(batch, offset).columnTypes().forEach(types::putIfAbsent);
          return WriteCounts.NONE;
        },
        done -> {});
    return types;
  }

  private List<Map<String, JsonNode>> lastPerKey(List<Map<String, JsonNode>> rows) {
    Map<List<String>, Map<String, JsonNode>> byKey = new LinkedHashMap<>();
    for (Map<String, JsonNode> row : rows) {
      byKey.put(keyOf(row), row);
    }
    return new ArrayList<>(byKey.values());
  }

  /** The first key column the row has no value for, or null. */
  private String missingKey(Map<String, JsonNode> row) {
    for (String column : keyColumns) {
      JsonNode value = row.get(column);
      if (value == null || value.isNull()) {
        return column;
      }
    }
    return null;
  }

  private Map<String, JsonNode> row(JsonNode record, long number) {
    if (!record.isObject()) {
      throw new StepFailure(
          "INVALID_RECORD",
          "Record "
              + number
              + " of the dataset is a JSON "
              + record.getNodeType().name().toLowerCase(Locale.ROOT)
              + ", not an object: only objects can be written as rows.");
    }
    Map<String, JsonNode> row = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : record.properties()) {
      String column = columnOfField.computeIfAbsent(field.getKey(), Identifiers::columnOfField);
      if (row.put(column, field.getValue()) != null) {
        throw new StepFailure(
            "COLUMN_NAME_CLASH",
            "Record "
                + number
                + " has two fields that both become the column '"
                + column
                + "' (one of them is '"
                + field.getKey()
                + "'): rename one in an earlier step.");
      }
    }
    return row;
  }

  private List<String> keyOf(Map<String, JsonNode> row) {
    List<String> key = new ArrayList<>(keyColumns.size());
    for (String column : keyColumns) {
      JsonNode value = row.get(column);
      key.add(value.isValueNode() ? value.asText() : value.toString());
    }
    return key;
  }

  /**
   * decimal, boolean, JSON (objects, arrays), timestamp (ISO-8601 with an offset or Z), else text.
   */
  public static ColumnType inferType(JsonNode value) {
    if (value.isNumber()) {
      return ColumnType.DECIMAL;
    }
    if (value.isBoolean()) {
      return ColumnType.BOOLEAN;
    }
    if (value.isContainerNode()) {
      return ColumnType.JSON;
    }
    return value.isTextual() && isTimestamp(value.textValue())
        ? ColumnType.TIMESTAMP
        : ColumnType.TEXT;
  }

  /**
   * Whether the text is an ISO-8601 date-time with an offset or {@code Z}, the form timestamp
   * columns take.
   */
  public static boolean isTimestamp(String text) {
    try {
      OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /**
   * A value as text for the database to convert, or null: JSON text for a JSON column or a nested
   * value, plain digits for a number ({@code 1E+2} would not read back as the decimal sent), else
   * the value's text.
   */
  public static String text(JsonNode value, boolean jsonColumn) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (jsonColumn || value.isContainerNode()) {
      return value.toString();
    }
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }
}
