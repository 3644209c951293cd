package io.millflow.connector.file;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.csv.CsvRows;
import java.io.IOException;
import java.io.Writer;

/** A file's records as CSV rows, written by the step library's {@link CsvRows}. */
final class CsvRecordWriter implements RecordWriter {

  private final CsvRows rows;

  CsvRecordWriter(FileOptions options, Writer out, String path) {
    this.rows = new CsvRows(out, options.delimiter(), options.header(), "'" + path + "'");
  }

  @Override
  public void write(JsonNode record, long number) throws IOException {
    rows.write(record, number);
  }

  @Override
  public void finish() throws IOException {
    rows.flush();
  }
}
