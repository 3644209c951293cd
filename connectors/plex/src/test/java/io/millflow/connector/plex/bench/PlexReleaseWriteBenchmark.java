package io.millflow.connector.plex.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.HttpPlexClientFactory;
import io.millflow.connector.plex.PlexClient;
import io.millflow.connector.plex.PlexReleaseUpsert;
import io.millflow.connector.plex.PlexWriteInput;
import io.millflow.connector.plex.PurchaseOrderFilter;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.sandbox.SandboxProcess;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.Json;
import io.millflow.step.testing.BenchRounds;
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
 * as many records first, untimed (500 left the first timed round, on whichever side went first,
 * slower by a third while the JIT compiled the client and sandbox code both sides share). Rounds
 * (default 3) alternate the two sides, new records each round, the side that goes first swapping
 * from round to round. Then a dry run over the releases last written (one GET each, all unchanged).
 * Arguments: releases, rounds, and where the sandbox runs: {@code in-process} (the default, sharing
 * this JVM's CPU with both sides) or {@code own-jvm} (a JVM of its own). Prints Markdown rows. Not
 * a test: run its main.
 */
public final class PlexReleaseWriteBenchmark {

  private static final String RELEASES = "/purchasing/v2-beta1/releases";

  /** The step's window ({@code PlexRecordWriter.WINDOW}): records in flight at once. */
  private static final int IN_FLIGHT = 8;

  private PlexReleaseWriteBenchmark() {}

  /** The sandbox written to: its address and key, and whether it runs in this JVM. */
  private record Target(String baseUrl, String apiKey, PlexSandbox inProcess) {}

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    boolean ownJvm = args.length > 2 && args[2].equals("own-jvm");
    int orders = records / 5 + 200;
    if (ownJvm) {
      try (SandboxProcess process =
          SandboxProcess.start(
              PlexSandbox.class, List.of("--rate-limit=0", "--purchase-orders=" + orders))) {
        run(
            new Target(process.baseUrl(), PlexSandboxConfig.defaults().apiKey(), null),
            records,
            rounds);
      }
      return;
    }
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(orders).withoutRateLimit())
            .start(0)) {
      run(new Target(sandbox.baseUrl(), sandbox.config().apiKey(), sandbox), records, rounds);
    }
  }

  private static void run(Target target, int records, int rounds) throws Exception {
    Connection connection =
        new Connection(
            "plex",
            "plex",
            Map.of("baseUrl", target.baseUrl(), "rateLimitPerMinute", "10000000"),
            Map.of("apiKey", target.apiKey()));
    List<String> lines = lineIds(connection, records + 500);
    TestStepContext context = new TestStepContext().withConnection(connection);
    PlexReleaseUpsert sequential = new PlexReleaseUpsert(new HttpPlexClientFactory(), 1);
    PlexReleaseUpsert step = new PlexReleaseUpsert();
    sequential.run(input(releases(context, "warm-seq", lines, records), false), context);
    step.run(input(releases(context, "warm", lines, records), false), context);
    raw(target, "warm-raw", lines, records, 1);
    raw(target, "warm-raw-parallel", lines, records, IN_FLIGHT);
    BenchRounds one = new BenchRounds();
    BenchRounds parallel = new BenchRounds();
    DatasetRef last = null;
    for (int round = 0; round < rounds; round++) {
      boolean loopFirst = round % 2 == 1;
      DatasetRef seq = releases(context, "seq-" + round, lines, records);
      DatasetRef bench = releases(context, "bench-" + round, lines, records);
      String raws = "raw-" + round;
      String rawsParallel = "raw-parallel-" + round;
      if (loopFirst) {
        one.timeLoop(() -> raw(target, raws, lines, records, 1));
      }
      one.timeStep(() -> check(sequential.run(input(seq, false), context), records));
      if (!loopFirst) {
        one.timeLoop(() -> raw(target, raws, lines, records, 1));
      }
      if (loopFirst) {
        parallel.timeLoop(() -> raw(target, rawsParallel, lines, records, IN_FLIGHT));
      }
      parallel.timeStep(() -> check(step.run(input(bench, false), context), records));
      if (!loopFirst) {
        parallel.timeLoop(() -> raw(target, rawsParallel, lines, records, IN_FLIGHT));
      }
      System.out.println("1 in flight, " + one.lastRound(loopFirst));
      System.out.println(IN_FLIGHT + " in flight, " + parallel.lastRound(loopFirst));
      last = bench;
    }
    System.out.println(one.row("create (GET + POST), 1 record in flight on both sides", records));
    System.out.println(
        parallel.row(
            "create (GET + POST), " + IN_FLIGHT + " records in flight on both sides", records));
    long start = System.nanoTime();
    RecordWriteResult dry = step.run(input(last, true), context);
    double drySeconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "| dry run over the %,d written (%,d unchanged) | %.1f s, %,.0f/s, %.2f of the write's"
            + " median time |%n",
        records,
        dry.unchanged(),
        drySeconds,
        records / drySeconds,
        drySeconds / parallel.medianStep());
    if (target.inProcess() != null) {
      System.out.printf("sandbox: %,d releases created%n", target.inProcess().releasesCreated());
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
  private static void raw(Target target, String prefix, List<String> lines, int count, int inFlight)
      throws Exception {
    try (HttpClient http = HttpClient.newHttpClient()) {
      rawWith(http, target, prefix, lines, count, inFlight);
    }
  }

  private static void rawWith(
      HttpClient http, Target target, String prefix, List<String> lines, int count, int inFlight)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> workers = new ArrayList<>();
      for (int worker = 0; worker < inFlight; worker++) {
        workers.add(
            threads.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    createOne(http, target, prefix, lines, i);
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
      HttpClient http, Target target, String prefix, List<String> lines, int i) throws Exception {
    String id = UUID.nameUUIDFromBytes((prefix + i).getBytes(StandardCharsets.UTF_8)).toString();
    HttpResponse<byte[]> found =
        http.send(
            request(target, RELEASES + "/" + id).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (found.statusCode() != 404) {
      throw new IllegalStateException("release " + id + " exists: " + found.statusCode());
    }
    ObjectNode body = release(prefix + i, lines.get(i % lines.size())).put("id", id);
    body.remove("key");
    HttpResponse<byte[]> created =
        http.send(
            request(target, RELEASES)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("create answered " + created.statusCode());
    }
  }

  private static HttpRequest.Builder request(Target target, String path) {
    return HttpRequest.newBuilder(URI.create(target.baseUrl() + path))
        .header("Accept", "application/json")
        .header("X-Plex-Connect-Api-Key", target.apiKey());
  }
}
