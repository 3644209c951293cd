package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.FlowTestSupport.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.step.BoundaryMargin;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync resumes where the last completed run stopped, and only a completed run moves that point.
 */
@QuarkusTest
class IncrementalSyncTest {

  private static final String FLOW = "plex-po-to-postgres";

  @Inject ConnectionRegistry connections;
  @Inject MillflowConfig config;

  @BeforeEach
  void startFromScratch() {
    FlowTestSupport.warehouse(connections, config.tenant())
        .useHandle(h -> h.execute("drop table if exists purchase_order_line, purchase_order"));
    FlowTestSupport.resetSyncState(FLOW);
  }

  @Test
  void theNextRunReadsOnlyWhatChangedSinceTheLastCompletedRun() {
    JsonPath first = awaitRunEnd(startRun(FLOW));
    String cursor = first.getString("steps[0].step.outputSummary");
    List<Map<String, Object>> state =
        given()
            .get("/api/flows/{id}/sync-state", FLOW)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");

    assertThat(state)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s)
                  .containsEntry("elementId", "ReadOrders")
                  .containsEntry("connection", "plex-sandbox");
              assertThat(cursor).contains((String) s.get("cursor"));
            });

    Instant lookBackFrom =
        BoundaryMargin.of(null).lookBack(Instant.parse((String) state.getFirst().get("cursor")));
    long inTheLookBack =
        FlowTestSupport.warehouse(connections, config.tenant())
            .withHandle(
                h ->
                    h.createQuery("select count(*) from purchase_order where updated_at >= :from")
                        .bind("from", OffsetDateTime.ofInstant(lookBackFrom, ZoneOffset.UTC))
                        .mapTo(Long.class)
                        .one());

    JsonPath second = awaitRunEnd(startRun(FLOW));
    assertThat(second.getString("run.status")).isEqualTo("completed");
    // The read starts the boundary margin before the cursor, so the orders modified in that margin
    // are read again (the newest of the last run at least); nothing else is.
    assertThat(inTheLookBack).isPositive();
    assertThat(second.getLong("steps[0].step.recordsOut")).isEqualTo(inTheLookBack);
    assertThat(second.getList("steps[0].log.message", String.class))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains(
                        "Incremental read from",
                        "where the last completed run stopped, less the boundary margin PT5M"));
  }

  @Test
  void aRunThatFailsDoesNotMoveTheCursor() {
    String failing =
        deploy(
            variant(
                "po-sync-fails-at-write",
                "<zeebe:input source=\"warehouse\" target=\"connection\" />",
                "<zeebe:input source=\"no-such-warehouse\" target=\"connection\" />"));
    FlowTestSupport.resetSyncState(failing);

    JsonPath run = awaitRunEnd(startRun(failing));

    assertThat(run.getString("run.status")).isEqualTo("incident");
    assertThat(
            given()
                .get("/api/flows/{id}/sync-state", failing)
                .then()
                .extract()
                .jsonPath()
                .getList("$"))
        .isEmpty();
  }
}
