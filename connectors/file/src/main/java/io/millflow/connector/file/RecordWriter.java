package io.millflow.connector.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;

/** Writes records to a file's text in one format; {@link #finish()} flushes what is buffered. */
sealed interface RecordWriter permits CsvRecordWriter, JsonLinesRecordWriter {

  /** Writes one record; {@code number} counts from 1 and names the record in errors. */
  void write(JsonNode record, long number) throws IOException;

  void finish() throws IOException;

  static RecordWriter of(FileOptions options, Writer out, String path) {
    return switch (options.format()) {
      case CSV -> new CsvRecordWriter(options, out, path);
      case JSONL -> new JsonLinesRecordWriter(out);
    };
  }
}
