package io.millflow.connector.plex.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.PlexPurchaseOrdersRead;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import io.millflow.step.StepLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Not a test: how fast {@code plex.purchase-orders.read} reads purchase-order lines from the
 * sandbox, against a bare {@code java.net.http} loop that makes the same calls (one per one-day
 * window, one per order for its line items, as Plex forces), parses the JSON and counts. Rate limit
 * off on both sides, one call at a time on both sides, both warmed up on a small sandbox first.
 *
 * <pre>
 * java -Xmx4g -cp ... io.millflow.connector.plex.bench.PlexReadBenchmark [lines 1000000] [rounds 3]
 * </pre>
 *
 * Prints one Markdown row: {@code | lines | connector s | lines/s | raw s | lines/s | ratio |}, the
 * medians of the rounds, each round one connector read and one raw read. The step writes to a store
 * that serializes every record, as the engine's store does, and keeps only counts: 200,000 orders
 * with lines are ~600 MB of JSON, more than an in-memory store should hold next to the sandbox in 4
 * GB.
 */
public final class PlexReadBenchmark {

  private static final int LINES_PER_ORDER = 5;
  private static final Duration WINDOW = Duration.ofDays(1);

  private PlexReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    PlexSandboxConfig config =
        PlexSandboxConfig.defaults()
            .withPurchaseOrders(lines / LINES_PER_ORDER)
            .withLinesPerOrder(LINES_PER_ORDER)
            .withoutRateLimit();
    try (PlexSandbox sandbox = new PlexSandbox(config).start(0)) {
      warmUp();
      long[] connector = new long[rounds];
      long[] raw = new long[rounds];
      for (int round = 0;
          round < rounds;
          round++) { // alternating, so a busy moment on a shared machine hits both
        connector[round] = time(() -> check(lines, connector(sandbox, config)));
        raw[round] = time(() -> check(lines, raw(sandbox, config)));
      }
      long connectorNanos = median(connector);
      long rawNanos = median(raw);
      System.out.printf(
          "| %,d | %.1f | %,.0f | %.1f | %,.0f | %.2f |%n",
          lines,
          connectorNanos / 1e9,
          lines / (connectorNanos / 1e9),
          rawNanos / 1e9,
          lines / (rawNanos / 1e9),
          (double) connectorNanos / rawNanos);
    }
  }

  /**
   * Both ways once on a small sandbox first, so neither is measured with a cold JIT or a cold
   * sandbox.
   */
  private static void warmUp() {
    PlexSandboxConfig small =
        PlexSandboxConfig.defaults().withPurchaseOrders(4_000).withoutRateLimit();
    try (PlexSandbox sandbox = new PlexSandbox(small).start(0)) {
      connector(sandbox, small);
      raw(sandbox, small);
    }
  }

  /** Lines read through the step, counted by the store. */
  private static long connector(PlexSandbox sandbox, PlexSandboxConfig config) {
    CountingStore store = new CountingStore();
    Connection connection =
        new Connection(
            "plex",
            "plex",
            Map.of("baseUrl", sandbox.baseUrl(), "rateLimitPerMinute", "0"),
            Map.of("apiKey", config.apiKey()));
    ReadResult result =
        new PlexPurchaseOrdersRead()
            .run(
                new PlexPurchaseOrdersRead.Input(
                    "plex",
                    config.dataStart(),
                    config.dataEnd(),
                    (int) WINDOW.toDays(),
                    null,
                    true),
                new BenchContext(connection, store));
    if (result.records().count() != config.purchaseOrders()) {
      throw new IllegalStateException(
          "The step read " + result.records().count() + " orders, not " + config.purchaseOrders());
    }
    return store.lines;
  }

  /** Lines read by a bare loop making the same calls. */
  private static long raw(PlexSandbox sandbox, PlexSandboxConfig config) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    long lines = 0;
    for (Instant begin = config.dataStart();
        begin.isBefore(config.dataEnd());
        begin = begin.plus(WINDOW)) {
      JsonNode orders =
          get(
              http,
              sandbox,
              config.apiKey(),
              "/purchasing/v1/purchase-orders?modifiedDateBegin="
                  + PlexTimestamps.format(begin)
                  + "&modifiedDateEnd="
                  + PlexTimestamps.format(begin.plus(WINDOW)));
      for (JsonNode order : orders) {
        lines +=
            get(
                    http,
                    sandbox,
                    config.apiKey(),
                    "/purchasing/v1/purchase-orders/" + order.get("id").asText() + "/line-items")
                .size();
      }
    }
    return lines;
  }

  private static JsonNode get(
      HttpClient http, PlexSandbox sandbox, String apiKey, String pathAndQuery) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery))
            .header("X-Plex-Connect-Api-Key", apiKey)
            .header("Accept", "application/json")
            .GET()
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " for " + pathAndQuery);
      }
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void check(long expected, long lines) {
    if (lines != expected) {
      throw new IllegalStateException("Read " + lines + " lines, expected " + expected);
    }
  }

  private static long median(long[] nanos) {
    long[] sorted = nanos.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static long time(Runnable run) {
    long start = System.nanoTime();
    run.run();
    return System.nanoTime() - start;
  }

  /** Serializes every record, as a real store does, and keeps only the counts. */
  private static final class CountingStore implements DatasetStore {
    long lines;

    @Override
    public DatasetWriter create(String entity) {
      return new DatasetWriter() {
        private long count;

        @Override
        public void add(Object record) {
          try {
            Json.mapper().writeValueAsBytes(record);
          } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
          }
          lines += ((JsonNode) record).path("lineItems").size();
          count++;
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
      throw new StepFailure("DATASET_NOT_FOUND", "A counting store keeps no records");
    }
  }

  private record BenchContext(Connection plex, DatasetStore datasets) implements StepContext {
    @Override
    public String tenantId() {
      return "bench";
    }

    @Override
    public String runId() {
      return "bench";
    }

    @Override
    public String taskKey() {
      return "bench";
    }

    @Override
    public Connection connection(String name) {
      return plex;
    }

    @Override
    public StepLog log() {
      return new StepLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {
          System.err.println("WARN " + message);
        }

        @Override
        public void error(String message) {
          System.err.println("ERROR " + message);
        }
      };
    }

    @Override
    public void progress(long done, long total) {}

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }
  }
}
