package io.millflow.connector.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes each record as one line of compact JSON, with Millflow's JSON settings (ISO times, exact
 * decimals).
 */
final class JsonLinesRecordWriter implements RecordWriter {

  private static final ObjectWriter JSON = Json.mapper().writer();

  private final Writer out;

  JsonLinesRecordWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(JsonNode record, long number) throws IOException {
    // Compact JSON escapes line breaks inside strings, so one record is always one line.
    out.write(JSON.writeValueAsString(record));
    out.write('\n');
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
