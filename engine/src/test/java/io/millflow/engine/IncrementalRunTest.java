package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.RunLedgers.onlyPath;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.BoundaryMargin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A record committed late at the cursor boundary, its modification time just before the committed
 * cursor, is read by the next run (which starts the boundary margin before the cursor), and the
 * records read again count as unchanged: the ledger balances.
 */
@QuarkusTest
class LateCommitTest {

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

    assertThat(next.getString("run.status")).as(next.prettify()).isEqualTo("completed");
    Map<String, Object> path = onlyPath(next);
    assertThat(path)
        .containsEntry("read", (int) alreadyInTheLookBack + 1)
        .containsEntry("inserted", 0)
        .containsEntry("updated", 1)
        .containsEntry("unchanged", (int) alreadyInTheLookBack)
        .containsEntry("skippedOlder", 0)
        .containsEntry("gap", 0)
        .containsEntry("balanced", true);
    Instant stored =
        warehouse.withHandle(
            h ->
                h.createQuery("select updated_at from purchase_order where key = :key")
                    .bind("key", late)
                    .mapTo(OffsetDateTime.class)
                    .one()
                    .toInstant());
    assertThat(stored).isEqualTo(lateModified);
    assertThat(Instant.parse(committedCursor())).isEqualTo(cursor);
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

  private long ordersModifiedSince(Instant from) {
    return warehouse.withHandle(
        h ->
            h.createQuery("select count(*) from purchase_order where updated_at >= :from")
                .bind("from", OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC))
                .mapTo(Long.class)
                .one());
  }
}
