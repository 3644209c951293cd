package io.millflow.engine.records.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.millflow.model.PurchaseOrderLine;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * A dataset store for the bench that holds nothing: the input is {@code count} unified
 * purchase-order lines made as they are read, each written as JSON and parsed back as the runtime's
 * store parses its chunks; what a step writes is serialized to JSON and dropped. A step and its
 * baseline pay the same for both, and the heap holds no dataset.
 */
final class GeneratedLines implements DatasetStore {

  static final String INPUT = "generated-lines";
  private static final ObjectReader AS_MAP = Json.mapper().readerFor(Map.class);
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] UNITS = {"EA", "KG", "M", "BOX"};
  private static final String[] STATUSES = {"open", "received", "closed", "cancelled"};

  static DatasetRef input(long count) {
    return new DatasetRef(INPUT, count, "purchaseOrderLine");
  }

  /** The line at {@code i}, as a step reads it from a dataset. */
  static Map<String, Object> line(long i) {
    PurchaseOrderLine line =
        new PurchaseOrderLine(
            (int) (i % 5) + 1,
            "PO-" + (i / 5) + "-" + (i % 5 + 1),
            "ITEM-" + (i % 997),
            "K" + (i % 997),
            "Part " + (i % 997) + " of the brake assembly",
            BigDecimal.valueOf(i % 40 + 1),
            BigDecimal.valueOf(i % 7),
            UNITS[(int) (i % UNITS.length)],
            new BigDecimal("12.35").add(BigDecimal.valueOf(i % 100, 2)),
            null,
            STATUSES[(int) (i % STATUSES.length)],
            START.plusSeconds(i),
            null,
            START.plusSeconds(2 * i));
    try {
      return AS_MAP.readValue(Json.mapper().writeValueAsBytes(line));
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a record as the store would, to nowhere. */
  static void drop(Object record) {
    try {
      Json.mapper().writeValue(OutputStream.nullOutputStream(), record);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public DatasetWriter create(String entity) {
    return new DatasetWriter() {
      private long count;

      @Override
      public void add(Object record) {
        drop(record);
        count++;
      }

      @Override
      public long count() {
        return count;
      }

      @Override
      public DatasetRef finish() {
        return new DatasetRef("dropped", count, entity);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Stream<T> read(DatasetRef ref, Class<T> type) {
    return (Stream<T>) LongStream.range(0, ref.count()).mapToObj(GeneratedLines::line);
  }
}
