package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.LinearFlow.task;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * {@code http.request} in a flow on the embedded engine: it pages through a local API into a
 * dataset, {@code postgres.write} upserts the records, and the run's ledger accounts for each one.
 */
@QuarkusTest
class HttpRequestFlowTest {

  private static final int PARTS = 5;

  @Inject ConnectionRegistry connections;
  @Inject MillflowConfig config;

  private final List<String> served = new CopyOnWriteArrayList<>();

  @Test
  void pagesThroughAnApiIntoPostgresAndTheLedgerBalances() throws IOException {
    HttpServer api = partsApi();
    try {
      String connection = "parts-api-" + Long.toString(System.nanoTime(), 36);
      given()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "type",
                  "http",
                  "settings",
                  Map.of("baseUrl", "http://127.0.0.1:" + api.getAddress().getPort())))
          .put("/api/connections/{name}", connection)
          .then()
          .statusCode(201);
      Jdbi warehouse = FlowTestSupport.warehouse(connections, config.tenant());
      warehouse.useHandle(h -> h.execute("drop table if exists http_flow_parts"));

      JsonPath run = awaitRunEnd(startRun(deploy(fetchAndWrite("http-request-flow", connection))));

      assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
      assertThat(served).as("three pages, the last one short").hasSize(3);
      assertThat(served.getLast()).contains("page=3", "size=2");
      List<String> written =
          warehouse.withHandle(
              h ->
                  h.createQuery("select number from http_flow_parts order by number")
                      .mapTo(String.class)
                      .list());
      assertThat(written).containsExactly("P1", "P2", "P3", "P4", "P5");
      List<Map<String, Object>> ledger = run.getList("ledger");
      assertThat(ledger).as(run.prettify()).hasSize(1);
      assertThat(ledger.getFirst())
          .containsEntry("source", "Fetch")
          .containsEntry("sink", "Write")
          .containsEntry("read", PARTS)
          .containsEntry("inserted", PARTS)
          .containsEntry("gap", 0)
          .containsEntry("balanced", true);
    } finally {
      api.stop(0);
    }
  }

  /** {@code GET /parts?page=n&size=2}: {@value #PARTS} parts, two a page, a short page last. */
  private HttpServer partsApi() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    server.createContext(
        "/parts",
        exchange -> {
          String query = exchange.getRequestURI().getQuery();
          served.add(query);
          int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
          StringBuilder items = new StringBuilder();
          for (int part = (page - 1) * 2 + 1; part <= Math.min(page * 2, PARTS); part++) {
            items.append(items.isEmpty() ? "" : ",");
            items.append("{\"number\":\"P").append(part).append("\",\"qty\":").append(part);
            items.append("}");
          }
          byte[] body = ("{\"items\":[" + items + "]}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return server;
  }

  /** http.request (page numbers, records at /items) → postgres.write keyed by number. */
  private static String fetchAndWrite(String processId, String connection) {
    return LinearFlow.bpmn(
        processId,
        task(
            "Fetch",
            "http.request",
            "fetched",
            "connection",
            connection,
            "url",
            "parts",
            "paging",
            "pageNumber",
            "sizeParameter",
            "size",
            "pageSize",
            "2",
            "recordsPointer",
            "/items"),
        task(
            "Write",
            "postgres.write",
            "written",
            "connection",
            "warehouse",
            "table",
            "http_flow_parts",
            "keyFields",
            "number",
            "records",
            "=fetched.records"));
  }
}
