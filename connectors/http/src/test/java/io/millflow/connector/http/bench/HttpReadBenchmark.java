package io.millflow.connector.http.bench;

import com.sun.net.httpserver.HttpServer;
import io.millflow.connector.http.HttpRequestStep;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.testing.bench.BenchStepContext;
import io.millflow.step.testing.bench.ConnectorVsRaw;
import io.millflow.step.testing.bench.ConnectorVsRaw.Round;
import io.millflow.step.testing.bench.CountingDatasetStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Not a test: how fast {@code http.request} pages through N records (default 1,000,000; offset
 * paging, 1,000 per page) from a local JDK HTTP server into a counting dataset store (each record's
 * JSON written into a chunk buffer as a store of JSON lines would, then dropped), against a bare
 * {@code java.net.http} loop over the same pages that parses each page and counts its records. The
 * pages are rendered once, before either runs; both warm up on 100,000 records first, then run in
 * turn, step then loop, for a number of rounds (default 3), so both see the same load on a shared
 * machine.
 *
 * <pre>java -Xmx2g -cp ... io.millflow.connector.http.bench.HttpReadBenchmark 1000000 3</pre>
 *
 * Prints one Markdown row a round: records, step s, records/s, raw s, records/s, ratio (raw time /
 * step time, so 1.0 is as fast as the bare loop).
 */
public final class HttpReadBenchmark {

  private static final int PAGE = 1_000;

  private HttpReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    HttpServer server = serve(records);
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      viaStep(base, 100_000 / PAGE);
      viaRawHttp(base, 100_000 / PAGE);
      System.out.println("| records | step s | records/s | raw s | records/s | raw / step |");
      System.out.println("|---:|---:|---:|---:|---:|---:|");
      for (Round round :
          ConnectorVsRaw.rounds(
              rounds,
              () -> viaStep(base, Integer.MAX_VALUE),
              () -> viaRawHttp(base, Integer.MAX_VALUE))) {
        double step = round.expecting(records).connectorNanos() / 1e9;
        double raw = round.rawNanos() / 1e9;
        System.out.printf(
            "| %,d | %.2f | %,.0f | %.2f | %,.0f | %.2f |%n",
            records, step, records / step, raw, records / raw, raw / step);
      }
    } finally {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  private static HttpServer serve(int records) throws IOException {
    byte[][] pages = new byte[records / PAGE + 1][];
    for (int page = 0; page < pages.length; page++) {
      StringBuilder body = new StringBuilder(PAGE * 64).append("{\"data\":[");
      int from = page * PAGE;
      for (int id = from; id < Math.min(records, from + PAGE); id++) {
        body.append(id == from ? "" : ",")
            .append("{\"id\":")
            .append(id)
            .append(",\"machine\":\"M")
            .append(id % 40)
            .append("\",\"value\":")
            .append(id % 1000)
            .append(".5,\"at\":\"2026-12-07T08:00:00Z\"}");
      }
      pages[page] = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(
        "/readings",
        exchange -> {
          try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            int offset = Integer.parseInt(query.replaceAll(".*\\boffset=(\\d+).*", "$1"));
            byte[] body = pages[Math.min(pages.length - 1, offset / PAGE)];
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
        });
    server.start();
    return server;
  }

  private static long viaStep(String base, int maxPages) {
    HttpRequestStep step = new HttpRequestStep((field, target) -> Optional.empty());
    HttpRequestStep.Input input =
        Json.mapper()
            .convertValue(
                Map.of(
                    "connection", "bench",
                    "url", "readings",
                    "paging", "offset",
                    "pageSize", PAGE,
                    "recordsPointer", "/data",
                    "maxPages", maxPages),
                HttpRequestStep.Input.class);
    Connection connection = new Connection("bench", "http", Map.of("baseUrl", base), Map.of());
    return step.run(input, new BenchStepContext(connection, new CountingDatasetStore()))
        .records()
        .count();
  }

  private static long viaRawHttp(String base, int maxPages)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long count = 0;
    for (int page = 0; page < maxPages; page++) {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/readings?offset=" + count + "&limit=" + PAGE))
                  .header("Accept", "application/json")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      int onPage = Json.mapper().readTree(response.body()).get("data").size();
      count += onPage;
      if (onPage < PAGE) {
        break;
      }
    }
    return count;
  }
}
