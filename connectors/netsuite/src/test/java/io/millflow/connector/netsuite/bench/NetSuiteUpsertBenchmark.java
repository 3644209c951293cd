package io.millflow.connector.netsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.netsuite.NetSuiteAuth;
import io.millflow.connector.netsuite.NetSuiteVendorUpsert;
import io.millflow.connector.netsuite.TbaHeader;
import io.millflow.connector.netsuite.UpsertInput;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.model.Vendor;
import io.millflow.sandbox.SandboxProcess;
import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.Json;
import io.millflow.step.testing.BenchRounds;
import io.millflow.step.testing.TestStepContext;
import io.millflow.step.write.RecordWriteResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Upserts N vendors (default 10,000) into the NetSuite sandbox through {@code
 * netsuite.vendor.upsert}, synchronously and asynchronously (idempotency keys, following each job),
 * and with a bare java.net.http loop making the same calls with the same concurrency (the
 * connection's 5 requests in flight), each warmed up with as many vendors first, untimed; then a
 * dry run over the vendors written. Rounds (default 4) alternate the step and the loop, new vendors
 * each round, the side that goes first swapping from round to round. Prints Markdown rows: mode,
 * records, connector s, records/s, raw s, records/s, raw/connector throughput (medians of the
 * rounds, and each round's ratio). TBA for both. Arguments: the vendors (default 10,000), the modes
 * ({@code sync}, {@code async} or {@code both}, the default), the rounds (4), and where the sandbox
 * runs: {@code in-process} (the default, sharing this JVM's CPU with both sides) or {@code own-jvm}
 * (a JVM of its own). Not a test: run its main.
 */
public final class NetSuiteUpsertBenchmark {

  private static final int IN_FLIGHT = 5;

  private NetSuiteUpsertBenchmark() {}

  /** The sandbox written to: its address and configuration, and itself when in this JVM. */
  private record Target(String baseUrl, NetSuiteSandboxConfig config, NetSuiteSandbox inProcess) {

    Connection tbaConnection(String name) {
      return new Connection(
          name,
          "netsuite",
          Map.of(
              "accountId",
              config.accountId(),
              "baseUrl",
              baseUrl,
              "timeZone",
              config.timeZone().getId()),
          new NetSuiteSandbox(config).tbaCredentials());
    }
  }

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 10_000;
    boolean[] modes =
        args.length > 1 && !args[1].equals("both")
            ? new boolean[] {args[1].equals("async")}
            : new boolean[] {false, true};
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    boolean ownJvm = args.length > 3 && args[3].equals("own-jvm");
    NetSuiteSandboxConfig config = NetSuiteSandboxConfig.defaults().withPurchaseOrders(10);
    if (ownJvm) {
      try (SandboxProcess process =
          SandboxProcess.start(NetSuiteSandbox.class, List.of("--purchase-orders=10"))) {
        run(new Target(process.baseUrl(), config, null), records, modes, rounds);
      }
      return;
    }
    try (NetSuiteSandbox sandbox = new NetSuiteSandbox(config).start(0)) {
      run(new Target(sandbox.baseUrl(), sandbox.config(), sandbox), records, modes, rounds);
    }
  }

  private static void run(Target target, int records, boolean[] modes, int roundCount)
      throws Exception {
    Connection connection = target.tbaConnection("netsuite-sandbox");
    TestStepContext context = new TestStepContext().withConnection(connection);
    NetSuiteVendorUpsert step = new NetSuiteVendorUpsert();
    for (boolean async : modes) {
      String mode = async ? "async" : "sync";
      connector(step, context, vendors(context, "warm-" + mode, records), async, false);
      raw(target, connection, "warm-raw-" + mode, records, async);
      BenchRounds rounds = new BenchRounds();
      DatasetRef last = null;
      for (int round = 0; round < roundCount; round++) {
        boolean loopFirst = round % 2 == 1;
        DatasetRef dataset = vendors(context, mode + "-" + round, records);
        String rawPrefix = "raw-" + mode + "-" + round;
        if (loopFirst) {
          rounds.timeLoop(() -> raw(target, connection, rawPrefix, records, async));
        }
        rounds.timeStep(() -> check(connector(step, context, dataset, async, false), records));
        if (!loopFirst) {
          rounds.timeLoop(() -> raw(target, connection, rawPrefix, records, async));
        }
        System.out.println(mode + " " + rounds.lastRound(loopFirst));
        last = dataset;
      }
      System.out.println(rounds.row(mode, records));
      if (!async) {
        long start = System.nanoTime();
        RecordWriteResult dry = connector(step, context, last, false, true);
        double drySeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            "| dry run over the %,d written (%d unchanged) | %.1f s, %,.0f/s, %.2f of the sync"
                + " write's median time |%n",
            records,
            dry.unchanged(),
            drySeconds,
            records / drySeconds,
            drySeconds / rounds.medianStep());
      }
    }
    if (target.inProcess() != null) {
      System.out.printf(
          "sandbox: %,d vendors written, %,d async requests run%n",
          target.inProcess().writtenRecords("vendor"), target.inProcess().asyncRequestsRun());
    }
  }

  private static void check(RecordWriteResult result, int records) {
    if (result.written() != records) {
      throw new IllegalStateException("The step wrote " + result.written() + " of " + records);
    }
  }

  private static RecordWriteResult connector(
      NetSuiteVendorUpsert step,
      TestStepContext context,
      DatasetRef vendors,
      boolean async,
      boolean dryRun) {
    return step.run(
        new UpsertInput("netsuite-sandbox", vendors, null, null, dryRun, async, 0.0), context);
  }

  private static DatasetRef vendors(TestStepContext context, String prefix, int count) {
    try (DatasetWriter writer = context.datasets().create(Vendor.ENTITY)) {
      for (int i = 0; i < count; i++) {
        String key = prefix + "-" + i;
        writer.add(
            new Vendor(
                key,
                "C-" + key,
                "Vendor " + key,
                "Active",
                true,
                null,
                null,
                null,
                "buyer" + i + "@vendor.example",
                "+1 616 555 0100",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
      }
      return writer.finish();
    }
  }

  /** The same PUTs (and, async, the same job reads) by hand, IN_FLIGHT at a time. */
  private static void raw(
      Target target, Connection connection, String prefix, int count, boolean async)
      throws Exception {
    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
      rawWith(http, target, connection, prefix, count, async);
    }
  }

  private static void rawWith(
      HttpClient http,
      Target target,
      Connection connection,
      String prefix,
      int count,
      boolean async)
      throws Exception {
    NetSuiteAuth.Tba tba =
        new NetSuiteAuth.Tba(
            connection.credential("consumerKey"),
            connection.credential("consumerSecret"),
            connection.credential("tokenId"),
            connection.credential("tokenSecret"));
    Semaphore slots = new Semaphore(IN_FLIGHT);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> calls = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String key = prefix + "-" + i;
        int index = i;
        calls.add(
            executor.submit(
                () -> {
                  String body =
                      Json.mapper()
                          .createObjectNode()
                          .put("entityId", "C-" + key)
                          .put("companyName", "Vendor " + key)
                          .put("isInactive", false)
                          .put("email", "buyer" + index + "@vendor.example")
                          .put("phone", "+1 616 555 0100")
                          .toString();
                  HttpResponse<byte[]> put =
                      call(
                          http,
                          target,
                          tba,
                          slots,
                          "PUT",
                          "/services/rest/record/v1/vendor/eid:" + key,
                          body,
                          async);
                  if (async) {
                    String job =
                        URI.create(put.headers().firstValue("Location").orElseThrow()).getPath();
                    call(http, target, tba, slots, "GET", job, null, false);
                    JsonNode tasks =
                        Json.mapper()
                            .readTree(
                                call(http, target, tba, slots, "GET", job + "/task", null, false)
                                    .body());
                    String task = URI.create(tasks.at("/items/0/links/0/href").asText()).getPath();
                    call(http, target, tba, slots, "GET", task, null, false);
                    call(http, target, tba, slots, "GET", task + "/result", null, false);
                  }
                  return null;
                }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    }
  }

  private static HttpResponse<byte[]> call(
      HttpClient http,
      Target target,
      NetSuiteAuth.Tba tba,
      Semaphore slots,
      String method,
      String path,
      String body,
      boolean async)
      throws Exception {
    URI uri = URI.create(target.baseUrl() + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header(
                "Authorization",
                TbaHeader.of(
                    method,
                    uri,
                    NetSuiteGuesses.realm(target.config().accountId()),
                    tba,
                    UUID.randomUUID().toString().replace("-", ""),
                    Instant.now().getEpochSecond()))
            .header("Accept", "application/json");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (async) {
        request
            .header("Prefer", "respond-async")
            .header("X-NetSuite-Idempotency-Key", UUID.randomUUID().toString());
      }
    }
    slots.acquire();
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            method + " " + path + ": " + response.statusCode() + " " + new String(response.body()));
      }
      return response;
    } finally {
      slots.release();
    }
  }
}
