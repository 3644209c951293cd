package io.millflow.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Records as JSON lines, one record serialised at a time as the reader asks for bytes: a request
 * body of a million records holds one record's bytes in memory, not the dataset's.
 */
final class JsonLinesInputStream extends InputStream {

  private final Stream<JsonNode> records;
  private final Iterator<JsonNode> next;
  private byte[] line = new byte[0];
  private int at;

  JsonLinesInputStream(Stream<JsonNode> records) {
    this.records = records;
    this.next = records.iterator();
  }

  @Override
  public int read() throws IOException {
    return fill() ? line[at++] & 0xff : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, line.length - at);
    System.arraycopy(line, at, buffer, offset, count);
    at += count;
    return count;
  }

  /** Whether a byte is left, serialising the next record when the current line is spent. */
  private boolean fill() throws IOException {
    while (at == line.length) {
      if (!next.hasNext()) {
        return false;
      }
      byte[] record = Json.mapper().writeValueAsBytes(next.next());
      line = Arrays.copyOf(record, record.length + 1);
      line[record.length] = '\n';
      at = 0;
    }
    return true;
  }

  @Override
  public void close() {
    records.close();
  }
}
