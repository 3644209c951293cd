package io.millflow.engine.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes JSON-lines records as CSV in two passes over the lines: the first gathers the columns (the
 * records' top-level fields, in the order they first appear), the second writes a row per record.
 * Nested objects and arrays go into their cell as compact JSON. Only the column names are held,
 * never the records.
 */
public final class DatasetCsv {

  /** Runs a visitor over every line of the records, from the first, each time it is called. */
  @FunctionalInterface
  public interface Lines {
    void forEach(DatasetLines.LineVisitor visitor) throws IOException;
  }

  private static final ObjectMapper MAPPER = Json.mapper();

  private DatasetCsv() {}

  public static void write(Lines lines, Writer out) throws IOException {
    Set<String> columns = new LinkedHashSet<>();
    lines.forEach(
        line -> {
          MAPPER.readTree(line).fieldNames().forEachRemaining(columns::add);
          return true;
        });
    out.write(String.join(",", columns.stream().map(DatasetCsv::cell).toList()));
    out.write("\r\n");
    lines.forEach(
        line -> {
          JsonNode record = MAPPER.readTree(line);
          StringBuilder row = new StringBuilder();
          for (Iterator<String> it = columns.iterator(); it.hasNext(); ) {
            row.append(cell(text(record.get(it.next()))));
            if (it.hasNext()) {
              row.append(',');
            }
          }
          out.write(row.append("\r\n").toString());
          return true;
        });
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }

  /** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled. */
  static String cell(String text) {
    boolean quote =
        text.indexOf(',') >= 0
            || text.indexOf('"') >= 0
            || text.indexOf('\n') >= 0
            || text.indexOf('\r') >= 0;
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }
}
