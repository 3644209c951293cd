package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.RunLedgers.onlyPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.connector.plex.HttpPlexClientFactory;
import io.millflow.connector.plex.PlexConnection;
import io.millflow.connector.plex.PlexWriteClient;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.BoundaryMargin;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the next incremental run of plex-po-to-postgres reads (issue 16): a record committed late at
 * the cursor boundary, its modification time just before the committed cursor (the run starts the
 * boundary margin before the cursor); an order whose header did not change but one of whose
 * releases did (a release carries its own modifiedDate). The records read again count as unchanged
 * and the ledger balances.
 */
@QuarkusTest
class IncrementalRunTest {

  private static final String FLOW = "plex-po-to-postgres";

  @Inject ConnectionRegistry connections;
  @Inject MillflowConfig config;
  @Inject SandboxLauncher sandboxes;

  private Jdbi warehouse;

  @BeforeEach
  void emptyWarehouse() {
    warehouse = FlowTestSupport.warehouse(connections, config.tenant());
    warehouse.useHandle(h -> h.execute("drop table if exists purchase_order_line, purchase_order"));
    FlowTestSupport.resetSyncState(FLOW);
  }

  @Test
  void anOrderCommittedLateJustBeforeTheCursorLandsOnTheNextRunAndTheLedgerBalances() {
    awaitRunEnd(startRun(FLOW));
    Instant cursor = Instant.parse(committedCursor());
    Instant lookBackFrom = BoundaryMargin.of(null).lookBack(cursor);
    String late = oldestOrder();
    Instant lateModified = cursor.minus(Duration.ofMinutes(1));
    long alreadyInTheLookBack = ordersModifiedSince(lookBackFrom);

    sandboxes.running(PlexSandbox.class).orElseThrow().touchPurchaseOrder(late, lateModified);
    JsonPath next = awaitRunEnd(startRun(FLOW));

    assertOneUpdatedBesidesTheLookBack(next, alreadyInTheLookBack);
    assertThat(orderUpdatedAt(late)).isEqualTo(lateModified);
    assertThat(Instant.parse(committedCursor())).isEqualTo(cursor);
  }

  @Test
  void anOrderWhoseReleaseAloneChangedIsReadAgainWithItsNewQuantityAndCountedAsUpdated()
      throws Exception {
    awaitRunEnd(startRun(FLOW));
    Instant lookBackFrom = BoundaryMargin.of(null).lookBack(Instant.parse(committedCursor()));
    long alreadyInTheLookBack = ordersModifiedSince(lookBackFrom);
    String order = oldestOrderWithReleases();
    PlexSandbox plex = sandboxes.running(PlexSandbox.class).orElseThrow();
    PlexWriteClient client = writeClient(plex.connection("release-change"));
    ObjectNode release = orderedRelease(plex, order);
    String line = release.get("poLineItemId").asText();
    BigDecimal lineQuantity = lineQuantity(order, line);
    BigDecimal added = new BigDecimal("7");
    assertThat(orderUpdatedAt(order))
        .as("the order lies before the look-back")
        .isBefore(lookBackFrom);

    PlexWriteClient.WriteAnswer answer =
        client.updateRelease(
            release.get("id").asText(),
            Json.mapper()
                .createObjectNode()
                .put("quantity", release.get("quantity").decimalValue().add(added)));
    JsonPath next = awaitRunEnd(startRun(FLOW));

    assertThat(answer).isInstanceOf(PlexWriteClient.Written.class);
    Instant releaseModified =
        PlexTimestamps.parseLenient(
            ((PlexWriteClient.Written) answer).record().get("modifiedDate").asText());
    assertOneUpdatedBesidesTheLookBack(next, alreadyInTheLookBack);
    assertThat(lineQuantity(order, line)).isEqualByComparingTo(lineQuantity.add(added));
    // PostgreSQL keeps microseconds, Plex writes 100 ns
    assertThat(orderUpdatedAt(order)).isCloseTo(releaseModified, within(1, ChronoUnit.MICROS));
    assertThat(deliveryQuantity(order, line, release.get("id").asText()))
        .isEqualByComparingTo(release.get("quantity").decimalValue().add(added));
  }

  /**
   * The run completed, read the orders of the look-back again (unchanged) and one more, which it
   * updated; its path balances.
   */
  private static void assertOneUpdatedBesidesTheLookBack(JsonPath run, long alreadyInTheLookBack) {
    assertThat(run.getString("run.status")).as(run.prettify()).isEqualTo("completed");
    assertThat(onlyPath(run))
        .containsEntry("read", (int) alreadyInTheLookBack + 1)
        .containsEntry("inserted", 0)
        .containsEntry("updated", 1)
        .containsEntry("unchanged", (int) alreadyInTheLookBack)
        .containsEntry("skippedOlder", 0)
        .containsEntry("gap", 0)
        .containsEntry("balanced", true);
  }

  private static PlexWriteClient writeClient(Connection connection) {
    return new HttpPlexClientFactory()
        .writeClient(
            connection.name(),
            new PlexConnection(
                URI.create(connection.settings().get("baseUrl")),
                null,
                null,
                0,
                60,
                connection.credentials().get("apiKey"),
                null,
                null,
                null));
  }

  /** A release of the order whose quantity counts in its line's (not canceled). */
  private static ObjectNode orderedRelease(PlexSandbox plex, String order) {
    return new HttpPlexClientFactory()
            .forConnection(plex.connection("release-change"))
            .releases(List.of(Map.entry("pOId", order)))
            .stream()
            .filter(
                release ->
                    !PlexGuesses.RELEASE_STATUSES_NOT_ORDERED.contains(
                        release.path("status").asText()))
            .findFirst()
            .orElseThrow();
  }

  private String committedCursor() {
    return given()
        .get("/api/flows/{id}/sync-state", FLOW)
        .then()
        .extract()
        .jsonPath()
        .getString("[0].cursor");
  }

  /** The order modified longest ago, far outside the next run's window until it is touched. */
  private String oldestOrder() {
    return warehouse.withHandle(
        h ->
            h.createQuery("select key from purchase_order order by updated_at, key limit 1")
                .mapTo(String.class)
                .one());
  }

  /** The order modified longest ago with releases (a blanket order has none). */
  private String oldestOrderWithReleases() {
    return warehouse.withHandle(
        h ->
            h.createQuery(
                    "select o.key from purchase_order o join purchase_order_line l"
                        + " on l.order_key = o.key where jsonb_array_length(l.deliveries) > 0"
                        + " order by o.updated_at, o.key limit 1")
                .mapTo(String.class)
                .one());
  }

  private Instant orderUpdatedAt(String order) {
    return warehouse.withHandle(
        h ->
            h.createQuery("select updated_at from purchase_order where key = :key")
                .bind("key", order)
                .mapTo(OffsetDateTime.class)
                .one()
                .toInstant());
  }

  private BigDecimal lineQuantity(String order, String line) {
    return warehouse.withHandle(
        h ->
            h.createQuery(
                    "select quantity from purchase_order_line where order_key = :order and key = :line")
                .bind("order", order)
                .bind("line", line)
                .mapTo(BigDecimal.class)
                .one());
  }

  private BigDecimal deliveryQuantity(String order, String line, String release) throws Exception {
    String stored =
        warehouse.withHandle(
            h ->
                h.createQuery(
                        "select deliveries::text from purchase_order_line"
                            + " where order_key = :order and key = :line")
                    .bind("order", order)
                    .bind("line", line)
                    .mapTo(String.class)
                    .one());
    JsonNode deliveries = Json.mapper().readTree(stored);
    for (JsonNode delivery : deliveries) {
      if (delivery.path("key").asText().equals(release)) {
        return delivery.get("quantity").decimalValue();
      }
    }
    throw new AssertionError("No delivery " + release + " in " + deliveries);
  }

  private long ordersModifiedSince(Instant from) {
    return warehouse.withHandle(
        h ->
            h.createQuery("select count(*) from purchase_order where updated_at >= :from")
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .mapTo(Long.class)
                .one());
  }
}
