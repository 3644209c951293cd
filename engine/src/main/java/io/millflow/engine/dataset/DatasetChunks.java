package io.millflow.engine.dataset;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.millflow.step.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The stored form of a chunk: gzip-compressed JSON Lines, one record a line. */
final class DatasetChunks {

  private static final ObjectMapper MAPPER = Json.mapper();

  private DatasetChunks() {}

  /** Collects records of one chunk, compressed as they come. */
  static final class Builder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final OutputStream gzip;
    private int count;

    Builder() {
      try {
        gzip = new GZIPOutputStream(bytes, 64 * 1024);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void add(Object record) {
      try {
        MAPPER.writeValue(new NonClosingStream(gzip), record);
        gzip.write('\n');
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not serialize a record of type " + record.getClass().getName(), e);
      }
    }

    /** One record's JSON text, copied as it is: the caller vouches it is one line of JSON. */
    void addJson(byte[] json, int offset, int length) {
      try {
        gzip.write(json, offset, length);
        gzip.write('\n');
        count++;
      } catch (IOException e) {
        throw new UncheckedIOException("Could not compress a record", e);
      }
    }

    int count() {
      return count;
    }

    byte[] finish() {
      try {
        gzip.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }

  static <T> List<T> read(byte[] data, Class<T> type) {
    try (MappingIterator<T> records =
        MAPPER.readerFor(type).readValues(new GZIPInputStream(new ByteArrayInputStream(data)))) {
      return records.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "A stored dataset chunk could not be read as " + type.getSimpleName(), e);
    }
  }

  /**
   * Jackson closes the target after a value; the gzip stream must stay open for the next record.
   */
  private static final class NonClosingStream extends java.io.FilterOutputStream {
    NonClosingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
