package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A backfill reads a past window and leaves the committed cursor alone; a refresh reads everything
 * again and moves the cursor when it completes; neither disturbs the cursor a plain run commits at
 * the same time. Plex sandbox → unified model → PostgreSQL, run by the engine under test.
 */
@QuarkusTest
class BackfillAndRefreshTest {

  private static final String FLOW = "plex-po-to-postgres";
  private static final int LINES_PER_ORDER = 5;

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandbox;
  @Inject MillflowConfig config;

  private Jdbi warehouse;

  @BeforeEach
  void startFromScratch() {
    warehouse = FlowTestSupport.warehouse(connections, config.tenant());
    emptyWarehouse();
    plex().faults().clear();
    FlowTestSupport.resetSyncState(FLOW);
  }

  @AfterEach
  void noFaults() {
    plex().faults().clear();
  }

  @Test
  void aBackfillLandsExactlyTheOrdersModifiedInItsWindowAndLeavesTheCursor() throws Exception {
    String cursor = completedRunCursor();
    emptyWarehouse();
    List<JsonNode> served = servedPurchaseOrders();
    List<Instant> modified =
        served.stream().map(BackfillAndRefreshTest::modified).sorted().toList();
    Instant from = modified.get(5).truncatedTo(ChronoUnit.SECONDS);
    Instant to = modified.get(15).truncatedTo(ChronoUnit.SECONDS);
    List<String> inWindow =
        served.stream()
            .filter(order -> !modified(order).isBefore(from) && modified(order).isBefore(to))
            .map(order -> order.get("id").asText())
            .toList();
    assertThat(inWindow).as("orders modified in the window").hasSizeBetween(9, 11);

    JsonPath run = awaitRunEnd(backfill(from, to));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getString("run.startedBy")).isEqualTo("backfill");
    assertThat(run.getString("sync.kind")).isEqualTo("backfill");
    assertThat(Instant.parse(run.getString("sync.from"))).isEqualTo(from);
    assertThat(Instant.parse(run.getString("sync.to"))).isEqualTo(to);
    assertThat(run.getList("steps[0].log.message", String.class))
        .anySatisfy(line -> assertThat(line).contains("Backfill of [" + from + ", " + to + ")"));
    assertThat(run.getLong("ledger[0].read")).isEqualTo(inWindow.size());
    assertThat(run.getBoolean("ledger[0].balanced")).isTrue();
    assertThat(Instant.parse(run.getString("ledger[0].window.from"))).isEqualTo(from);
    assertThat(warehouseOrderKeys()).containsExactlyInAnyOrderElementsOf(inWindow);
    assertThat(count("purchase_order_line")).isEqualTo(inWindow.size() * LINES_PER_ORDER);
    assertThat(committedCursor()).isEqualTo(cursor);
  }

  @Test
  void aRefreshReadsEverythingAgainKeepsTheRowsAndMovesTheCursorWhenItCompletes() throws Exception {
    String before = completedRunCursor();
    Instant touched = touchAnOrder();

    JsonPath run = awaitRunEnd(refresh());

    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getString("run.startedBy")).isEqualTo("refresh");
    assertThat(run.getString("sync.kind")).isEqualTo("refresh");
    assertThat(run.getString("ledger[0].window.from"))
        .as("read from the start, not from the cursor")
        .isNull();
    assertThat(run.getLong("ledger[0].read")).isEqualTo(config.sandbox().plexPurchaseOrders());
    assertThat(run.getLong("ledger[0].updated")).isEqualTo(1);
    assertThat(run.getLong("ledger[0].unchanged"))
        .isEqualTo(config.sandbox().plexPurchaseOrders() - 1);
    assertThat(count("purchase_order")).isEqualTo(config.sandbox().plexPurchaseOrders());
    assertThat(count("purchase_order_line"))
        .isEqualTo(config.sandbox().plexPurchaseOrders() * LINES_PER_ORDER);
    assertThat(Instant.parse(committedCursor())).isAfter(Instant.parse(before)).isEqualTo(touched);
  }

  @Test
  void aBackfillRunningAlongAPlainRunLeavesThePlainRunsCursor() throws Exception {
    String before = completedRunCursor();
    Instant touched = touchAnOrder();
    List<Instant> modified =
        servedPurchaseOrders().stream().map(BackfillAndRefreshTest::modified).sorted().toList();
    // A long window of many empty 30-day windows, read slowly: the backfill ends after the plain
    // run has committed.
    plex().faults().latency(Duration.ofMillis(10));
    String backfill =
        backfill(
            Instant.parse("2000-01-01T00:00:00Z"),
            modified.get(20).truncatedTo(ChronoUnit.SECONDS));
    String plain = startRun(FLOW);

    JsonPath plainRun = awaitRunEnd(plain);
    JsonPath backfillRun = awaitRunEnd(backfill);

    assertThat(plainRun.getString("run.status")).isEqualTo("completed");
    assertThat(backfillRun.getString("run.status")).isEqualTo("completed");
    assertThat(Instant.parse(backfillRun.getString("run.endedAt")))
        .as("the backfill ended after the plain run committed")
        .isAfter(Instant.parse(plainRun.getString("run.endedAt")));
    assertThat(Instant.parse(backfillRun.getString("ledger[0].window.to"))).isBefore(touched);
    assertThat(Instant.parse(committedCursor()))
        .isAfter(Instant.parse(before))
        .isEqualTo(touched)
        .isEqualTo(Instant.parse(plainRun.getString("ledger[0].window.to")));
  }

  @Test
  void aBackfillOfAFlowNeverSyncedCommitsNoCursor() throws Exception {
    List<Instant> modified =
        servedPurchaseOrders().stream().map(BackfillAndRefreshTest::modified).sorted().toList();
    Instant to = modified.get(3).truncatedTo(ChronoUnit.SECONDS);

    JsonPath run = awaitRunEnd(backfill(Instant.parse("2000-01-01T00:00:00Z"), to));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getLong("ledger[0].read"))
        .isEqualTo(modified.stream().filter(m -> m.isBefore(to)).count())
        .isPositive();
    assertThat(
            given()
                .get("/api/flows/{id}/sync-state", FLOW)
                .then()
                .extract()
                .jsonPath()
                .getList("$"))
        .isEmpty();
  }

  @Test
  void aBackfillOfAWindowNothingWasModifiedInCompletesWithoutRows() {
    JsonPath run =
        awaitRunEnd(
            backfill(Instant.parse("2001-01-01T00:00:00Z"), Instant.parse("2001-02-01T00:00:00Z")));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getLong("ledger[0].read")).isZero();
    assertThat(run.getBoolean("ledger[0].balanced")).isTrue();
  }

  @Test
  void aPlainRunTellsItReadIncrementally() {
    JsonPath run = awaitRunEnd(startRun(FLOW));

    assertThat(run.getString("run.startedBy")).startsWith("token:");
    assertThat(run.getString("sync.kind")).isEqualTo("incremental");
    assertThat(run.getString("sync.from")).isNull();
  }

  private String completedRunCursor() {
    JsonPath run = awaitRunEnd(startRun(FLOW));
    assertThat(run.getString("run.status")).isEqualTo("completed");
    return committedCursor();
  }

  private static String backfill(Instant from, Instant to) {
    return given()
        .contentType(ContentType.JSON)
        .body(Map.of("from", from.toString(), "to", to.toString()))
        .post("/api/flows/{id}/backfill", FLOW)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String refresh() {
    return given()
        .post("/api/flows/{id}/refresh", FLOW)
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String committedCursor() {
    List<String> cursors =
        given()
            .get("/api/flows/{id}/sync-state", FLOW)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("cursor", String.class);
    assertThat(cursors).hasSize(1);
    return cursors.getFirst();
  }

  /**
   * Edits the oldest order a few seconds ago, so that the next read finds one change; returns when.
   */
  private Instant touchAnOrder() throws Exception {
    JsonNode oldest =
        servedPurchaseOrders().stream()
            .min(java.util.Comparator.comparing(BackfillAndRefreshTest::modified))
            .orElseThrow();
    // Older than the boundary margin, so a run that reads it may move its cursor there.
    Instant when =
        Instant.now().minus(BoundaryMargin.DEFAULT).minusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(plex().baseUrl() + "/_sandbox/touch"))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Json.mapper()
                                .writeValueAsString(
                                    Map.of(
                                        "resource",
                                        "purchase-orders",
                                        "id",
                                        oldest.get("id").asText(),
                                        "modifiedAt",
                                        when.toString()))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return when;
  }

  private static Instant modified(JsonNode order) {
    return Instant.parse(order.get("modifiedDate").asText());
  }

  private Sandbox plex() {
    return sandbox.offering(SandboxLauncher.PLEX_CONNECTION).orElseThrow();
  }

  private List<JsonNode> servedPurchaseOrders() throws Exception {
    Connection connection = connections.resolve(config.tenant(), SandboxLauncher.PLEX_CONNECTION);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(plex().baseUrl() + "/purchasing/v1/purchase-orders"))
                    .header("X-Plex-Connect-Api-Key", connection.credential("apiKey"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return StreamSupport.stream(Json.mapper().readTree(response.body()).spliterator(), false)
        .toList();
  }

  private void emptyWarehouse() {
    warehouse.useHandle(h -> h.execute("drop table if exists purchase_order_line, purchase_order"));
  }

  private List<String> warehouseOrderKeys() {
    return warehouse.withHandle(
        h -> h.createQuery("select key from purchase_order").mapTo(String.class).list());
  }

  private int count(String table) {
    return warehouse.withHandle(
        h -> h.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }
}
