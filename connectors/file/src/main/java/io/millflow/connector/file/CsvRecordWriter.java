package io.millflow.connector.file;

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
 * Writes records as CSV rows. The columns are the first record's fields, in its order: a stream has
 * no other place to learn them without reading the dataset twice. A later record may leave fields
 * out (written empty), but a field the first record lacks fails the write, since dropping it would
 * lose data silently; a producer that puts every field, even as null, on every record (the unified
 * model does) never hits this. Nested objects and arrays (a purchase order's {@code lines}) are
 * written as JSON text in their cell; nulls and empty strings are both an empty cell.
 */
final class CsvRecordWriter implements RecordWriter {

  private static final CsvMapper CSV = new CsvMapper();

  private final FileOptions options;
  private final Writer out;
  private final String path;
  private Map<String, Integer> columns;
  private SequenceWriter rows;

  CsvRecordWriter(FileOptions options, Writer out, String path) {
    this.options = options;
    this.out = out;
    this.path = path;
  }

  @Override
  public void write(JsonNode record, long number) throws IOException {
    if (!record.isObject()) {
      throw new StepFailure(
          "INVALID_RECORD",
          "Record "
              + number
              + " is a JSON "
              + record.getNodeType()
              + ", not an object, and cannot become a CSV row of '"
              + path
              + "': write JSON Lines instead.");
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

  @Override
  public void finish() throws IOException {
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
        CsvSchema.builder().setColumnSeparator(options.delimiter()).setUseHeader(options.header());
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
            + " record does not have, so '"
            + path
            + "' has no column for it (CSV columns come from the first record)."
            + " Give every record the same fields (null where empty), drop the field in an earlier step, or write"
            + " JSON Lines.");
  }
}
