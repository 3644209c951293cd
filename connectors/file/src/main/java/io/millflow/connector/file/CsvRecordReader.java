package io.millflow.connector.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams a CSV file as one JSON object per row. Values stay text, as the file has them: guessing
 * numbers or dates would turn part numbers like {@code 00120} into {@code 120}; an empty value
 * becomes null. A row shorter than the header gets nulls for the missing columns (spreadsheets drop
 * trailing empty cells); a longer one fails the read.
 */
final class CsvRecordReader {

  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final FileOptions options;
  private final String path;

  CsvRecordReader(FileOptions options, String path) {
    this.options = options;
    this.path = path;
  }

  /** Reads every row into {@code records}; returns how many it read, not counting the header. */
  long read(Reader reader, Consumer<ObjectNode> records) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(options.delimiter());
    try (CsvParser parser = (CsvParser) CSV.getFactory().createParser(reader)) {
      parser.setSchema(schema);
      List<String> columns = options.header() ? header(parser) : new ArrayList<>();
      long count = 0;
      List<String> values;
      while ((values = row(parser)) != null) {
        records.accept(record(columns, values, parser.currentTokenLocation()));
        count++;
      }
      return count;
    } catch (JsonProcessingException e) {
      throw malformed(e.getLocation(), e.getOriginalMessage());
    }
  }

  private List<String> header(CsvParser parser) throws IOException {
    List<String> names = row(parser);
    if (names == null) {
      return List.of();
    }
    Set<String> seen = new HashSet<>();
    List<String> columns = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i) == null ? positional(i) : names.get(i).strip();
      if (!seen.add(name)) {
        throw new StepFailure(
            "MALFORMED_FILE",
            "The header of '"
                + path
                + "' names column '"
                + name
                + "' twice:"
                + " rename one in the file, or read it with header=false to get column1, column2, ...");
      }
      columns.add(name);
    }
    return columns;
  }

  /** The next row's values (empty as null), or null at the end of the file. */
  private static List<String> row(CsvParser parser) throws IOException {
    // A schema without columns makes the parser expose each row as an array of strings.
    if (parser.nextToken() != JsonToken.START_ARRAY) {
      return null;
    }
    List<String> values = new ArrayList<>();
    while (parser.nextToken() == JsonToken.VALUE_STRING) {
      String text = parser.getText();
      values.add(text.isEmpty() ? null : text);
    }
    return values;
  }

  private ObjectNode record(List<String> columns, List<String> values, JsonLocation location) {
    if (options.header() && values.size() > columns.size()) {
      throw malformed(
          location,
          "the row has "
              + values.size()
              + " values but the header names "
              + columns.size()
              + " columns");
    }
    while (!options.header() && columns.size() < values.size()) {
      columns.add(positional(columns.size()));
    }
    ObjectNode record = NODES.objectNode();
    for (int i = 0; i < columns.size(); i++) {
      record.put(columns.get(i), i < values.size() ? values.get(i) : null);
    }
    return record;
  }

  private static String positional(int index) {
    return "column" + (index + 1);
  }

  private StepFailure malformed(JsonLocation location, String problem) {
    String line =
        location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr();
    return new StepFailure(
        "MALFORMED_FILE",
        "'"
            + path
            + "' is not valid CSV"
            + line
            + ": "
            + problem
            + ". Fix the file, or check the step's 'delimiter', 'header' and 'encoding'.");
  }
}
