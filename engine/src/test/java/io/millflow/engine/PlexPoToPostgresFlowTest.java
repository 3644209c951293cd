package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.FlowTestSupport.variant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.port.EngineIncident;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The foundation's vertical slice: Plex sandbox -> unified model -> PostgreSQL, run by the engine
 * under test.
 */
@QuarkusTest
class PlexPoToPostgresFlowTest {

  private static final String FLOW = "plex-po-to-postgres";

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandbox;
  @Inject ProcessEngine engine;
  @Inject MillflowConfig config;

  private Jdbi warehouse;

  @BeforeEach
  void emptyWarehouse() {
    warehouse = FlowTestSupport.warehouse(connections, config.tenant());
    warehouse.useHandle(h -> h.execute("drop table if exists purchase_order_line, purchase_order"));
    plex().faults().clear();
    FlowTestSupport.resetSyncState(FLOW);
  }

  @Test
  void syncsEveryPlexPurchaseOrderWithItsLinesIntoPostgres() throws Exception {
    JsonPath run = awaitRunEnd(startRun(FLOW));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getList("steps.step.stepType"))
        .containsExactly("plex.purchase-orders.read", "unified.transform", "postgres.write");
    assertThat(run.getList("steps.step.status")).containsOnly("completed");
    assertThat(run.getList("steps.step.recordsOut", Integer.class)).containsExactly(25, 25, 25);

    List<JsonNode> served = servedPurchaseOrders();
    assertThat(served).hasSize(config.sandbox().plexPurchaseOrders());
    List<List<Object>> expected = new ArrayList<>();
    for (JsonNode po : served) {
      expected.add(expectedOrder(po));
    }
    assertThat(warehouseOrders()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(warehouseLines()).containsExactlyInAnyOrderElementsOf(servedLines(served));
  }

  @Test
  void runningTheFlowAgainFromTheStartWritesNoDuplicateRows() {
    awaitRunEnd(startRun(FLOW));
    FlowTestSupport.resetSyncState(FLOW);
    JsonPath second = awaitRunEnd(startRun(FLOW));

    assertThat(second.getString("run.status")).isEqualTo("completed");
    assertThat(count("purchase_order")).isEqualTo(25);
    assertThat(count("purchase_order_line")).isEqualTo(125);
    String writeSummary =
        second.getString("steps.find { it.step.stepType == 'postgres.write' }.step.outputSummary");
    assertThat(writeSummary).contains("\"inserted\":0", "\"updated\":0", "\"unchanged\":25");
  }

  @Test
  void retriesThroughTwoPlexOutagesAndShowsTheRetriesInTheHistory() {
    plex().faults().failNext(2, 503);

    JsonPath run = awaitRunEnd(startRun(FLOW));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    List<Map<String, Object>> reads =
        run.getList("steps.findAll { it.step.stepType == 'plex.purchase-orders.read' }.step");
    assertThat(reads).extracting(step -> step.get("attempt")).containsExactly(1, 2, 3);
    assertThat(reads)
        .extracting(step -> step.get("status"))
        .containsExactly("retrying", "retrying", "completed");
    assertThat((String) reads.get(0).get("error")).contains("503");
    assertThat(count("purchase_order")).isEqualTo(25);
  }

  @Test
  void aRejectedPlexKeyEndsInAnIncidentThatNamesTheConnectionToFix() {
    connections.provide(
        new Connection(
            "plex-wrong-key",
            "plex",
            Map.of("baseUrl", plex().baseUrl()),
            Map.of("apiKey", "00000000-0000-0000-0000-000000000000")));
    String flow =
        deploy(
            variant(
                "plex-po-wrong-key",
                "<zeebe:input source=\"plex-sandbox\" target=\"connection\" />",
                "<zeebe:input source=\"plex-wrong-key\" target=\"connection\" />"));

    JsonPath run = awaitRunEnd(startRun(flow));

    assertThat(run.getString("run.status")).isEqualTo("incident");
    assertThat(run.getString("run.error"))
        .contains("Plex", "key", "plex-wrong-key")
        .doesNotContain("00000000-0000");
    incidentMessages(run.getString("run.processInstanceKey"))
        .ifPresent(
            messages ->
                assertThat(messages)
                    .anySatisfy(message -> assertThat(message).contains("Plex", "plex-wrong-key")));
    assertThat(run.getList("steps.step.attempt", Integer.class)).containsExactly(1);
  }

  @Test
  void anInputThatFailsValidationEndsInAnIncidentNamingTheField() {
    String flow =
        deploy(
            variant(
                "plex-po-no-connection",
                "<zeebe:input source=\"plex-sandbox\" target=\"connection\" />",
                "<zeebe:input source=\"=&#34; &#34;\" target=\"connection\" />"));

    JsonPath run = awaitRunEnd(startRun(flow));

    assertThat(run.getString("run.status")).isEqualTo("incident");
    assertThat(run.getString("steps[0].step.error"))
        .contains(
            "plex.purchase-orders.read", "ReadOrders", "field 'connection' must not be blank");
    incidentMessages(run.getString("run.processInstanceKey"))
        .ifPresent(
            messages ->
                assertThat(messages)
                    .anySatisfy(
                        message ->
                            assertThat(message)
                                .contains(
                                    "plex.purchase-orders.read",
                                    "ReadOrders",
                                    "field 'connection' must not be blank")));
  }

  private Sandbox plex() {
    return sandbox.offering(SandboxLauncher.PLEX_CONNECTION).orElseThrow();
  }

  /**
   * The messages of the incidents the engine raised for the instance. A cluster without a REST
   * address (the suite's cluster-mode run) cannot be asked, and the run history's checks stand
   * alone.
   */
  private java.util.Optional<List<String>> incidentMessages(String processInstanceKey) {
    try {
      return java.util.Optional.of(
          engine.openIncidents(processInstanceKey).stream().map(EngineIncident::message).toList());
    } catch (IllegalStateException e) {
      return java.util.Optional.empty();
    }
  }

  private int count(String table) {
    return warehouse.withHandle(
        h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  private List<JsonNode> servedPurchaseOrders() throws Exception {
    return List.copyOf(
        StreamSupport.stream(plexGet("/purchasing/v1/purchase-orders").spliterator(), false)
            .toList());
  }

  private JsonNode plexGet(String path) throws Exception {
    Connection connection = connections.resolve(config.tenant(), SandboxLauncher.PLEX_CONNECTION);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(plex().baseUrl() + path))
                    .header("X-Plex-Connect-Api-Key", connection.credential("apiKey"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  /**
   * The order as the warehouse should hold it; its version is the later of the order's and its
   * releases' modifiedDate (a release changes without its order, e.g. in IncrementalRunTest).
   */
  private List<Object> expectedOrder(JsonNode po) throws Exception {
    Instant updated = Instant.parse(po.get("modifiedDate").asText());
    for (JsonNode release : releasesOf(po)) {
      Instant modified = Instant.parse(release.get("modifiedDate").asText());
      updated = modified.isAfter(updated) ? modified : updated;
    }
    return List.of(
        po.get("id").asText(),
        po.get("poNumber").asText(),
        po.get("supplierId").asText(),
        po.get("status").asText(),
        po.get("currencyCode").asText(),
        toMicros(updated));
  }

  private JsonNode releasesOf(JsonNode po) throws Exception {
    return plexGet("/purchasing/v2-beta1/releases?pOId=" + po.get("id").asText());
  }

  private List<List<Object>> warehouseOrders() {
    return warehouse.withHandle(
        h ->
            h.createQuery(
                    "select key, order_number, vendor_key, status, currency, source_updated_at from purchase_order")
                .map(
                    (rs, ctx) ->
                        List.<Object>of(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            toMicros(rs.getTimestamp(6).toInstant())))
                .list());
  }

  /** Plex writes times to 100 ns; PostgreSQL keeps microseconds, rounding half to even (rint). */
  private static Instant toMicros(Instant instant) {
    long micros =
        BigDecimal.valueOf(instant.getNano())
            .divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_EVEN)
            .longValue();
    return instant.truncatedTo(ChronoUnit.SECONDS).plusNanos(micros * 1000);
  }

  private List<List<Object>> servedLines(List<JsonNode> orders) throws Exception {
    List<List<Object>> lines = new ArrayList<>();
    for (JsonNode po : orders) {
      // Plex's line items carry no quantity: it is the sum of the line's releases not canceled,
      // else its blanketQuantity (PlexGuesses)
      Map<String, BigDecimal> released = new HashMap<>();
      for (JsonNode release : releasesOf(po)) {
        if (!PlexGuesses.RELEASE_STATUSES_NOT_ORDERED.contains(release.get("status").asText())) {
          released.merge(
              release.get("poLineItemId").asText(),
              new BigDecimal(release.get("quantity").asText()),
              BigDecimal::add);
        }
      }
      for (JsonNode line :
          plexGet("/purchasing/v1/purchase-orders/" + po.get("id").asText() + "/line-items")) {
        BigDecimal quantity =
            released.getOrDefault(
                line.get("id").asText(), new BigDecimal(line.get("blanketQuantity").asText()));
        lines.add(
            List.of(
                po.get("id").asText(),
                line.get("lineItemNumber").asInt(),
                new BigDecimal(line.get("unitPrice").asText()).stripTrailingZeros(),
                quantity.stripTrailingZeros(),
                line.get("description").asText()));
      }
    }
    return lines;
  }

  private List<List<Object>> warehouseLines() {
    return warehouse.withHandle(
        h ->
            h.createQuery(
                    "select order_key, line_number, unit_price, quantity, description from purchase_order_line")
                .map(
                    (rs, ctx) ->
                        List.<Object>of(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getBigDecimal(3).stripTrailingZeros(),
                            rs.getBigDecimal(4).stripTrailingZeros(),
                            rs.getString(5)))
                .list());
  }
}
