package io.millflow.step.testing.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * A benchmark's dataset store: writes each record's JSON line into a chunk buffer as the runtime's
 * store does (less its gzip), drops the chunk every 1,000 records, and keeps only counts: records,
 * bytes, and the lines the records hold (an order's line items, say). Not thread-safe: one read at
 * a time.
 */
public final class CountingDatasetStore implements DatasetStore {

  private static final int CHUNK_RECORDS = 1_000;

  private final ToLongFunction<JsonNode> linesOf;
  private long lines;
  private long bytes;

  /** Each record is one line. */
  public CountingDatasetStore() {
    this(record -> 1);
  }

  /**
   * {@code linesOf} counts the lines of a record a step {@linkplain DatasetWriter#add adds}; a
   * record added as JSON ({@link DatasetWriter#addJson}, not parsed, as the runtime does not) is
   * one line.
   */
  public CountingDatasetStore(ToLongFunction<JsonNode> linesOf) {
    this.linesOf = linesOf;
  }

  /** Lines of every record written so far. */
  public long lines() {
    return lines;
  }

  /** Bytes of JSON written so far. */
  public long bytes() {
    return bytes;
  }

  @Override
  public DatasetWriter create(String entity) {
    return new DatasetWriter() {
      private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(256 * 1024);
      private long count;

      @Override
      public void add(Object record) {
        byte[] json;
        try {
          json = Json.mapper().writeValueAsBytes(record);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        lines += linesOf.applyAsLong((JsonNode) record);
        written(json, 0, json.length);
      }

      // no @Override: the harness also compiles against a step library from before addJson
      public void addJson(byte[] json, int offset, int length) {
        lines++;
        written(json, offset, length);
      }

      private void written(byte[] json, int offset, int length) {
        chunk.write(json, offset, length);
        chunk.write('\n');
        bytes += length;
        if (++count % CHUNK_RECORDS == 0) {
          chunk.reset();
        }
      }

      @Override
      public long count() {
        return count;
      }

      @Override
      public DatasetRef finish() {
        return new DatasetRef("counted", count, entity);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public <T> Stream<T> read(DatasetRef ref, Class<T> type) {
    throw new UnsupportedOperationException("a counting store keeps no records");
  }
}
