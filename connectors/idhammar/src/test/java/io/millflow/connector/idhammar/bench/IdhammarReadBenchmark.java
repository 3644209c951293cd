package io.millflow.connector.idhammar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.idhammar.IdhammarDowntimeEventsRead;
import io.millflow.connector.idhammar.sandbox.IdhammarSandbox;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.StepContext;
import io.millflow.step.StepLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

/**
 * Reads N downtime events (default 1,000,000; Idhammar has no purchase orders) from the sandbox
 * through {@code idhammar.downtime-events.read} into a counting dataset store (each record
 * serialised to JSON, then dropped), then the same pages with a bare {@code java.net.http} loop
 * that parses each page and counts its rows. Prints one Markdown row: records, connector s,
 * records/s, raw s, records/s, ratio (connector time / raw time).
 *
 * <pre>java -Xmx4g -cp ... io.millflow.connector.idhammar.bench.IdhammarReadBenchmark 1000000</pre>
 */
public final class IdhammarReadBenchmark {

  private static final int PAGE = 1_000;

  private IdhammarReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    warmUp();
    Instant anchor = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    try (IdhammarSandbox sandbox = start(events, anchor)) {
      long started = System.nanoTime();
      long connectorCount = viaConnector(sandbox, anchor);
      double connector = (System.nanoTime() - started) / 1e9;
      started = System.nanoTime();
      long rawCount = viaRawHttp(sandbox, anchor);
      double raw = (System.nanoTime() - started) / 1e9;
      if (connectorCount != events || rawCount != events) {
        throw new IllegalStateException(
            "Expected "
                + events
                + " events, connector read "
                + connectorCount
                + ", raw loop "
                + rawCount);
      }
      System.out.println("| records | connector s | records/s | raw s | records/s | ratio |");
      System.out.println("|---:|---:|---:|---:|---:|---:|");
      System.out.printf(
          "| %,d | %.1f | %,.0f | %.1f | %,.0f | %.2f |%n",
          events, connector, events / connector, raw, events / raw, connector / raw);
    }
  }

  private static void warmUp() throws Exception {
    Instant anchor = Instant.now();
    try (IdhammarSandbox sandbox = start(200_000, anchor)) {
      viaConnector(sandbox, anchor);
      viaRawHttp(sandbox, anchor);
    }
  }

  /** A frozen clock: the data stands still, so both readers see exactly the same events. */
  private static IdhammarSandbox start(int events, Instant anchor) {
    return new IdhammarSandbox(
            IdhammarSandboxConfig.defaults()
                .withDowntimeEvents(events)
                .withClock(Clock.fixed(anchor, ZoneOffset.UTC), anchor)
                .withoutRateLimit())
        .start(0);
  }

  private static long viaConnector(IdhammarSandbox sandbox, Instant until) {
    BenchContext context = new BenchContext(sandbox.connection("idhammar-sandbox"), until);
    ReadResult result =
        new IdhammarDowntimeEventsRead()
            .run(
                new IdhammarDowntimeEventsRead.Input("idhammar-sandbox", null, until, null, PAGE),
                context);
    return result.records().count();
  }

  private static long viaRawHttp(IdhammarSandbox sandbox, Instant until)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long count = 0;
    String cursor = null;
    do {
      String url =
          sandbox.baseUrl()
              + "/api/v1/downtime-events?updatedUntil="
              + until
              + "&limit="
              + PAGE
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + sandbox.config().apiToken())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      JsonNode page = Json.mapper().readTree(response.body());
      count += page.get("data").size();
      cursor = page.get("next").isNull() ? null : page.get("next").asText();
    } while (cursor != null);
    return count;
  }

  /** Serialises each record as a real store would, and keeps only the count. */
  private static final class CountingStore implements DatasetStore {

    @Override
    public DatasetWriter create(String entity) {
      return new DatasetWriter() {
        private long count;
        private long bytes;

        @Override
        public void add(Object record) {
          try {
            bytes += Json.mapper().writeValueAsBytes(record).length;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          count++;
        }

        @Override
        public long count() {
          return count;
        }

        @Override
        public DatasetRef finish() {
          return new DatasetRef("counted-" + bytes, count, entity);
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

  private record BenchContext(Connection idhammar, Instant now) implements StepContext {

    private static final CountingStore STORE = new CountingStore();
    private static final StepLog QUIET =
        new StepLog() {
          @Override
          public void info(String message) {}

          @Override
          public void warn(String message) {}

          @Override
          public void error(String message) {
            System.err.println(message);
          }
        };

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
      return idhammar;
    }

    @Override
    public DatasetStore datasets() {
      return STORE;
    }

    @Override
    public StepLog log() {
      return QUIET;
    }

    @Override
    public void progress(long done, long total) {}

    @Override
    public Clock clock() {
      return Clock.fixed(now, ZoneOffset.UTC);
    }
  }
}
