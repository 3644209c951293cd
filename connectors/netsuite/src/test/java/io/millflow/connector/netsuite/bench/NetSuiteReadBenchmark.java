package io.millflow.connector.netsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.netsuite.NetSuiteAuth;
import io.millflow.connector.netsuite.NetSuitePurchaseOrdersRead;
import io.millflow.connector.netsuite.SuiteQlReadInput;
import io.millflow.connector.netsuite.TbaHeader;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.connector.netsuite.protocol.SuiteQlEntity;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.testing.bench.BenchStepContext;
import io.millflow.step.testing.bench.ConnectorVsRaw;
import io.millflow.step.testing.bench.ConnectorVsRaw.Round;
import io.millflow.step.testing.bench.CountingDatasetStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads N purchase-order lines (default 1,000,000: about 200,000 orders of 1 to 9 lines) from the
 * NetSuite sandbox, once through {@code netsuite.purchase-orders.read} into a store that serializes
 * and counts each record, once with a bare java.net.http loop sending the same SuiteQL (JSON
 * parsed, rows counted), and prints one Markdown table row: records, connector s, records/s, raw s,
 * records/s, ratio. Both use token-based auth. Not a test: run its main.
 */
public final class NetSuiteReadBenchmark {

  private NetSuiteReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    long lines = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
    NetSuiteSandboxConfig config =
        NetSuiteSandboxConfig.defaults()
            .withPurchaseOrders((int) (lines / 5))
            .withChanges(0, Duration.ofHours(1));
    try (NetSuiteSandbox sandbox = new NetSuiteSandbox(config).start(0)) {
      Connection connection = sandbox.tbaConnection("netsuite-sandbox");
      Instant warmFrom = NetSuiteSandboxConfig.DEFAULT_DATA_END.minus(Duration.ofDays(30));
      long warm =
          raw(
              sandbox,
              connection,
              warmFrom); // a month of data through both, so both are compiled alike
      if (connector(connection, warmFrom) != warm) {
        throw new IllegalStateException(
            "The connector and the raw loop read different lines of the last month");
      }
      Round round =
          ConnectorVsRaw.rounds(
                  1, () -> connector(connection, null), () -> raw(sandbox, connection, null))
              .getFirst();
      System.out.println(round.row());
    }
  }

  private static long connector(Connection connection, Instant since) {
    CountingDatasetStore store = new CountingDatasetStore(order -> order.at("/item/items").size());
    new NetSuitePurchaseOrdersRead()
        .run(
            new SuiteQlReadInput(connection.name(), since, null, 1000),
            new BenchStepContext(connection, store));
    return store.lines();
  }

  /**
   * The same SuiteQL by hand: windows of at most 100,000 orders on lastmodifieddate, each page's
   * lines at once.
   */
  private static long raw(NetSuiteSandbox sandbox, Connection connection, Instant since)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    NetSuiteAuth.Tba tba =
        new NetSuiteAuth.Tba(
            connection.credential("consumerKey"),
            connection.credential("consumerSecret"),
            connection.credential("tokenId"),
            connection.credential("tokenSecret"));
    Instant until = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    Instant from = since == null ? Instant.parse("2000-01-01T00:00:00Z") : since;
    String lastSeen = "";
    long lines = 0;
    for (boolean more = true; more; ) {
      String query = SuiteQlEntity.PURCHASE_ORDER.windowQuery(from, until, ZoneOffset.UTC);
      more = false;
      for (int offset = 0; offset < 100_000; offset += 1000) {
        JsonNode page = post(http, sandbox, tba, query, offset);
        List<String> ids = new ArrayList<>();
        for (JsonNode row : page.get("items")) {
          String key =
              row.get("lastmodifieddate").asText()
                  + "#"
                  + "%012d".formatted(row.get("id").asLong());
          if (key.compareTo(lastSeen) > 0) {
            ids.add(row.get("id").asText());
            lastSeen = key;
          }
        }
        if (!ids.isEmpty()) {
          String linesQuery =
              SuiteQlEntity.PURCHASE_ORDER_LINE.byIds(
                  "transaction", ids, "transaction, linesequencenumber");
          for (int lineOffset = 0; ; lineOffset += 1000) {
            JsonNode linePage = post(http, sandbox, tba, linesQuery, lineOffset);
            lines += linePage.get("items").size();
            if (!linePage.get("hasMore").asBoolean()) {
              break;
            }
          }
        }
        if (!page.get("hasMore").asBoolean()) {
          break;
        }
        if (offset + 1000 >= 100_000) {
          from = Instant.parse(lastSeen.substring(0, 19).replace(' ', 'T') + "Z");
          more = true;
        }
      }
    }
    return lines;
  }

  private static JsonNode post(
      HttpClient http, NetSuiteSandbox sandbox, NetSuiteAuth.Tba tba, String query, int offset)
      throws Exception {
    URI uri =
        URI.create(
            sandbox.baseUrl() + "/services/rest/query/v1/suiteql?limit=1000&offset=" + offset);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header(
                "Authorization",
                TbaHeader.of(
                    "POST",
                    uri,
                    NetSuiteGuesses.realm(sandbox.config().accountId()),
                    tba,
                    UUID.randomUUID().toString(),
                    Instant.now().getEpochSecond()))
            .header("Prefer", "transient")
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Json.mapper().createObjectNode().put("q", query).toString()))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + new String(response.body()));
    }
    return Json.mapper().readTree(response.body());
  }
}
