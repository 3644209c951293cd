package io.millflow.connector.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * A dataset's records as a request body, one record encoded at a time as the reader asks for bytes:
 * a body of a million records holds one record's bytes in memory, not the dataset's.
 */
final class RecordsInputStream extends InputStream {

  /** Turns each record, in order, into its bytes in the body (a JSON line, a CSV row). */
  @FunctionalInterface
  interface Encoder {
    /** {@code number} counts from 1 and names the record in errors. */
    byte[] encode(JsonNode record, long number) throws IOException;
  }

  private final Stream<JsonNode> records;
  private final Iterator<JsonNode> next;
  private final Encoder encoder;
  private byte[] bytes = new byte[0];
  private int at;
  private long number;

  RecordsInputStream(Stream<JsonNode> records, Encoder encoder) {
    this.records = records;
    this.next = records.iterator();
    this.encoder = encoder;
  }

  @Override
  public int read() throws IOException {
    return fill() ? bytes[at++] & 0xff : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int count = Math.min(length, bytes.length - at);
    System.arraycopy(bytes, at, buffer, offset, count);
    at += count;
    return count;
  }

  /** Whether a byte is left, encoding the next record when the current one is spent. */
  private boolean fill() throws IOException {
    while (at == bytes.length) {
      if (!next.hasNext()) {
        return false;
      }
      bytes = encoder.encode(next.next(), ++number);
      at = 0;
    }
    return true;
  }

  @Override
  public void close() {
    records.close();
  }
}
