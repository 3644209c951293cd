package io.millflow.connector.plex.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.PlexPurchaseOrdersRead;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.bench.BenchStepContext;
import io.millflow.step.testing.bench.ConnectorVsRaw;
import io.millflow.step.testing.bench.ConnectorVsRaw.Round;
import io.millflow.step.testing.bench.CountingDatasetStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
      List<Round> done =
          ConnectorVsRaw.rounds(
              rounds, () -> connector(sandbox, config), () -> raw(sandbox, config));
      done.forEach(round -> round.expecting(lines));
      System.out.println(ConnectorVsRaw.median(done).row());
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
    CountingDatasetStore store = new CountingDatasetStore(order -> order.path("lineItems").size());
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
                new BenchStepContext(connection, store));
    if (result.records().count() != config.purchaseOrders()) {
      throw new IllegalStateException(
          "The step read " + result.records().count() + " orders, not " + config.purchaseOrders());
    }
    return store.lines();
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
}
