package io.millflow.step.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes records as CSV rows, one at a time as they come (the file connector's CSV files, {@code
 * http.request}'s CSV bodies). The columns are the first record's fields, in its order: a stream
 * has no other place to learn them without reading the dataset twice. A later record may leave
 * fields out (written empty), but a field the first record lacks fails the write, since dropping it
 * would lose data silently; a producer that puts every field, even as null, on every record (the
 * unified model does) never hits this. Nested objects and arrays (a purchase order's {@code lines})
 * are written as JSON text in their cell; nulls and empty strings are both an empty cell.
 */
public final class CsvRows {

  private static final CsvMapper CSV = new CsvMapper();

  private final Writer out;
  private final char delimiter;
  private final boolean header;
  private final String target;
  private Map<String, Integer> columns;
  private SequenceWriter rows;

  /**
   * Rows into {@code out}, cells separated by {@code delimiter}, the first row the column names
   * when {@code header}; {@code target} names where they go in errors, e.g. {@code 'parts.csv'}.
   */
  public CsvRows(Writer out, char delimiter, boolean header, String target) {
    this.out = out;
    this.delimiter = delimiter;
    this.header = header;
    this.target = target;
  }

  /**
   * Writes one record as a row; {@code number} counts from 1 and names the record in errors.
   *
   * @throws StepFailure {@code INVALID_RECORD} for a record that is not an object, {@code
   *     UNKNOWN_FIELD} for a field the first record did not have
   */
  public void write(JsonNode record, long number) throws IOException {
    if (!record.isObject()) {
      throw new StepFailure(
          "INVALID_RECORD",
          "Record "
              + number
              + " is a JSON "
              + record.getNodeType()
              + ", not an object, and cannot become a CSV row of "
              + target
              + ": write JSON Lines instead.");
    }
    if (rows == null) {
      start(record);
    }
    String[] values = new String[columns.size()];
    for (Map.Entry<String, JsonNode> field : record.properties()) {
      Integer column = columns.get(field.getKey());
      if (column == null) {
        throw unknownField(field.getKey(), number);
      }
      values[column] = cell(field.getValue());
    }
    rows.write(values);
  }

  /** Flushes the rows written so far into the writer, and the writer. */
  public void flush() throws IOException {
    if (rows != null) {
      rows.flush();
    }
    out.flush();
  }

  private void start(JsonNode first) throws IOException {
    columns = new LinkedHashMap<>();
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : first.properties()) {
      columns.put(field.getKey(), names.size());
      names.add(field.getKey());
    }
    CsvSchema.Builder schema =
        CsvSchema.builder().setColumnSeparator(delimiter).setUseHeader(header);
    names.forEach(schema::addColumn);
    rows =
        CSV.writer(schema.build())
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(out);
  }

  private static String cell(JsonNode value) throws IOException {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isContainerNode()) {
      return Json.mapper().writeValueAsString(value);
    }
    // Plain digits for decimals: 1E+3 would not read back as a number in most spreadsheets.
    return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
  }

  private StepFailure unknownField(String field, long number) {
    return new StepFailure(
        "UNKNOWN_FIELD",
        "Record "
            + number
            + " has field '"
            + field
            + "', which the first"
            + " record does not have, so "
            + target
            + " has no column for it (CSV columns come from the first record)."
            + " Give every record the same fields (null where empty), drop the field in an earlier step, or write"
            + " JSON Lines.");
  }
}
