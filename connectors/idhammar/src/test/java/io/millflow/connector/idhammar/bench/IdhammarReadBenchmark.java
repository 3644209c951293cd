package io.millflow.connector.idhammar.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.idhammar.IdhammarDowntimeEventsRead;
import io.millflow.connector.idhammar.sandbox.IdhammarSandbox;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig;
import io.millflow.step.Json;
import io.millflow.step.ReadResult;
import io.millflow.step.testing.bench.BenchStepContext;
import io.millflow.step.testing.bench.ConnectorVsRaw;
import io.millflow.step.testing.bench.ConnectorVsRaw.Round;
import io.millflow.step.testing.bench.CountingDatasetStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

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
      Round round =
          ConnectorVsRaw.rounds(
                  1, () -> viaConnector(sandbox, anchor), () -> viaRawHttp(sandbox, anchor))
              .getFirst()
              .expecting(events);
      System.out.println("| records | connector s | records/s | raw s | records/s | ratio |");
      System.out.println("|---:|---:|---:|---:|---:|---:|");
      System.out.println(round.row());
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
    BenchStepContext context =
        new BenchStepContext(
            sandbox.connection("idhammar-sandbox"),
            new CountingDatasetStore(),
            Clock.fixed(until, ZoneOffset.UTC));
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
}
