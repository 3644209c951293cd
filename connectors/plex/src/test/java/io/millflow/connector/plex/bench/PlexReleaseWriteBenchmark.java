package io.millflow.connector.plex.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.HttpPlexClientFactory;
import io.millflow.connector.plex.PlexClient;
import io.millflow.connector.plex.PlexReleaseUpsert;
import io.millflow.connector.plex.PlexWriteInput;
import io.millflow.connector.plex.PurchaseOrderFilter;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates N purchase-order releases (default 10,000) in the Plex sandbox through {@code
 * plex.release.upsert}, and with a bare java.net.http loop making the same calls per record as the
 * step does (a {@code GET .../releases/{id}} that finds none, then the {@code POST}) with the same
 * records in flight: the step one at a time against the loop one at a time, and the step as shipped
 * ({@link #IN_FLIGHT} records at once) against the loop with as many at once; each warmed up with
 * 500 first. Then a dry run over the releases written (one GET each, all unchanged). Prints
 * Markdown rows. Not a test: run its main.
 */
public final class PlexReleaseWriteBenchmark {

  private static final String RELEASES = "/purchasing/v2-beta1/releases";

  /** The step's window ({@code PlexRecordWriter.WINDOW}): records in flight at once. */
  private static final int IN_FLIGHT = 8;

  private PlexReleaseWriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
    try (PlexSandbox sandbox =
        new PlexSandbox(
                PlexSandboxConfig.defaults()
                    .withPurchaseOrders(records / 5 + 200)
                    .withoutRateLimit())
            .start(0)) {
      Connection connection =
          new Connection(
              "plex",
              "plex",
              Map.of("baseUrl", sandbox.baseUrl(), "rateLimitPerMinute", "10000000"),
              Map.of("apiKey", sandbox.config().apiKey()));
      List<String> lines = lineIds(connection, records + 500);
      TestStepContext context = new TestStepContext().withConnection(connection);
      PlexReleaseUpsert sequential = new PlexReleaseUpsert(new HttpPlexClientFactory(), 1);
      PlexReleaseUpsert step = new PlexReleaseUpsert();
      sequential.run(input(releases(context, "warm-seq", lines, 500), false), context);
      step.run(input(releases(context, "warm", lines, 500), false), context);
      raw(sandbox, "warm-raw", lines, 500, 1);
      raw(sandbox, "warm-raw-parallel", lines, 500, IN_FLIGHT);
      DatasetRef before = releases(context, "seq", lines, records);
      long start = System.nanoTime();
      check(sequential.run(input(before, false), context), records);
      double oneAtATime = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      raw(sandbox, "raw", lines, records, 1);
      double rawOneAtATime = (System.nanoTime() - start) / 1e9;
      DatasetRef dataset = releases(context, "bench", lines, records);
      start = System.nanoTime();
      check(step.run(input(dataset, false), context), records);
      double connector = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      raw(sandbox, "raw-parallel", lines, records, IN_FLIGHT);
      double raw = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "| create (GET + POST), 1 record in flight on both sides | %,d | %.1f | %,.0f | %.1f | %,.0f | %.2f |%n",
          records,
          oneAtATime,
          records / oneAtATime,
          rawOneAtATime,
          records / rawOneAtATime,
          rawOneAtATime / oneAtATime);
      System.out.printf(
          "| create (GET + POST), %d records in flight on both sides | %,d | %.1f | %,.0f | %.1f | %,.0f | %.2f |%n",
          IN_FLIGHT, records, connector, records / connector, raw, records / raw, raw / connector);
      start = System.nanoTime();
      RecordWriteResult dry = step.run(input(dataset, true), context);
      double drySeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "| dry run over the %,d written (%,d unchanged) | %.1f s, %,.0f/s, %.2f of the write's time |%n",
          records, dry.unchanged(), drySeconds, records / drySeconds, drySeconds / connector);
      System.out.printf("sandbox: %,d releases created%n", sandbox.releasesCreated());
    }
  }

  private static void check(RecordWriteResult result, int records) {
    if (result.creates() != records) {
      throw new IllegalStateException("The step created " + result.creates() + " of " + records);
    }
  }

  private static PlexWriteInput input(DatasetRef records, boolean dry) {
    return new PlexWriteInput("plex", records, null, dry, 0.0);
  }

  private static List<String> lineIds(Connection connection, int count) {
    PlexClient plex = new HttpPlexClientFactory().forConnection(connection);
    List<String> ids = new ArrayList<>();
    for (ObjectNode order : plex.purchaseOrders(PurchaseOrderFilter.modifiedIn(null, null))) {
      for (ObjectNode line : plex.purchaseOrderLineItems(order.get("id").asText())) {
        ids.add(line.get("id").asText());
      }
      if (ids.size() >= count) {
        break;
      }
    }
    return ids;
  }

  private static DatasetRef releases(
      TestStepContext context, String prefix, List<String> lines, int count) {
    List<ObjectNode> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(release(prefix + "-" + i, lines.get(i % lines.size())));
    }
    return context.datasets().put("release", records);
  }

  private static ObjectNode release(String key, String line) {
    return Json.mapper()
        .createObjectNode()
        .put("key", key)
        .put("poLineItemId", line)
        .put("quantity", new BigDecimal("12.5"))
        .put("dueDate", "2026-12-01T00:00:00Z");
  }

  /**
   * The same calls as the step, without dataset or results: {@code inFlight} threads, each taking
   * the next record and making its GET and then its POST, so {@code inFlight} records are in flight
   * at once, as in the step's window.
   */
  private static void raw(
      PlexSandbox sandbox, String prefix, List<String> lines, int count, int inFlight)
      throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> workers = new ArrayList<>();
      for (int worker = 0; worker < inFlight; worker++) {
        workers.add(
            threads.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    createOne(http, sandbox, prefix, lines, i);
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
  }

  private static void createOne(
      HttpClient http, PlexSandbox sandbox, String prefix, List<String> lines, int i)
      throws Exception {
    String id = UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8)).toString();
    HttpResponse<byte[]> found =
        http.send(
            request(sandbox, RELEASES + "/" + id).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (found.statusCode() != 404) {
      throw new IllegalStateException("release " + id + " exists: " + found.statusCode());
    }
    ObjectNode body = release(prefix + i, lines.get(i % lines.size())).put("id", id);
    body.remove("key");
    HttpResponse<byte[]> created =
        http.send(
            request(sandbox, RELEASES)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("create answered " + created.statusCode());
    }
  }

  private static HttpRequest.Builder request(PlexSandbox sandbox, String path) {
    return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
        .header("Accept", "application/json")
        .header("X-Plex-Connect-Api-Key", sandbox.config().apiKey());
  }
}
