package io.millflow.engine.api;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.Connection;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The runs at an incident grouped by error and retried together, each on its own version; a run
 * that went on meanwhile is refused with the reason and the others are retried. The runs also carry
 * their business key and the time they stopped.
 */
@QuarkusTest
class IncidentsApiTest {

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandbox;
  @Inject MillflowConfig config;

  @Test
  void runsStoppedByOneRejectedKeyAreOneGroupAndAreRetriedTogetherOnceTheKeyIsFixed() {
    Assumptions.assumeTrue(
        config.zeebe().address().isEmpty() || config.zeebe().restAddress().isPresent(),
        "retrying a run on a cluster finds its incidents through the cluster's REST address");
    Map<String, String> settings =
        Map.of(
            "baseUrl",
            sandbox.offering(SandboxLauncher.PLEX_CONNECTION).orElseThrow().baseUrl(),
            "rateLimitPerMinute",
            "0");
    connections.provide(new Connection("plex-key-bulk", "plex", settings, Map.of("apiKey", "no")));
    // runs of earlier test runs stay in the store: this run's flow and keys are its own
    String each = Long.toString(System.nanoTime(), 36);
    String flow =
        deploy(
            variant(
                "po-bulk-retry-" + each,
                "<zeebe:input source=\"plex-sandbox\" target=\"connection\" />",
                "<zeebe:input source=\"plex-key-bulk\" target=\"connection\" />"));
    FlowTestSupport.resetSyncState(flow);
    List<String> runs = List.of(start(flow, "PO-1-" + each), start(flow, "PO-2-" + each));
    String cancelled = start(flow, "PO-3-" + each);
    for (String run : List.of(runs.get(0), runs.get(1), cancelled)) {
      JsonPath stopped = awaitRunEnd(run);
      assertThat(stopped.getString("run.status")).isEqualTo("incident");
      assertThat(stopped.getString("run.incidentAt")).isNotNull();
    }
    given()
        .queryParam("businessKey", "PO-2-" + each)
        .get("/api/runs")
        .then()
        .statusCode(200)
        .body("id", equalTo(List.of(runs.get(1))));

    // the first run is refused the key by Plex, the others at once by the refused connection: one
    // group or two, each of the read step
    List<Map<String, Object>> groups = groupsOf(flow);
    assertThat(groups).allSatisfy(g -> assertThat(g).containsEntry("elementId", "ReadOrders"));
    // (a group spans flows: runs of other flows stopped the same way count in it too)
    assertThat(groups.stream().mapToInt(g -> (Integer) g.get("runs")).sum())
        .isGreaterThanOrEqualTo(3);
    given().post("/api/runs/{id}/cancel", cancelled).then().statusCode(200);

    String rightKey =
        connections.resolve(config.tenant(), SandboxLauncher.PLEX_CONNECTION).credential("apiKey");
    connections.provide(
        new Connection("plex-key-bulk", "plex", settings, Map.of("apiKey", rightKey)));
    JsonPath outcome =
        given()
            .contentType("application/json")
            .body(Map.of("runs", List.of(runs.get(0), cancelled, runs.get(1))))
            .post("/api/incidents/retry")
            .then()
            .statusCode(200)
            .body("retried", equalTo(2))
            .body("refused", equalTo(1))
            .body("runs[1].runId", equalTo(cancelled))
            .body("runs[1].outcome", equalTo("refused"))
            .body("runs[1].reason", containsString("cancelled"))
            .body("runs[0].outcome", equalTo("retried"))
            .extract()
            .jsonPath();
    assertThat(outcome.getInt("runs[0].flowVersion")).isPositive();

    for (String run : runs) {
      assertThat(awaitRunEnd(run).getString("run.status")).isEqualTo("completed");
    }
    List<String> audited =
        given()
            .queryParam("action", "run.retry")
            .get("/api/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("resource");
    assertThat(audited)
        .contains(
            "/api/runs/" + runs.get(0) + "/retry",
            "/api/runs/" + runs.get(1) + "/retry",
            "/api/runs/" + cancelled + "/retry");
  }

  @Test
  void aBulkRetryTakesAGroupOrRunsAndNoMoreThanItsCap() {
    given()
        .contentType("application/json")
        .body(Map.of())
        .post("/api/incidents/retry")
        .then()
        .statusCode(400)
        .body("message", containsString("'group'"));
    given()
        .contentType("application/json")
        .body(Map.of("runs", java.util.Collections.nCopies(501, java.util.UUID.randomUUID())))
        .post("/api/incidents/retry")
        .then()
        .statusCode(400)
        .body("message", containsString("at most 500"));
    given()
        .contentType("application/json")
        .body(Map.of("group", "no-such-group"))
        .post("/api/incidents/retry")
        .then()
        .statusCode(200)
        .body("retried", equalTo(0))
        .body("runs.size()", equalTo(0));
  }

  private static String start(String flow, String businessKey) {
    return given()
        .contentType("application/json")
        .body(Map.of("variables", Map.of(), "businessKey", businessKey))
        .post("/api/flows/{id}/runs", flow)
        .then()
        .statusCode(201)
        .body("businessKey", equalTo(businessKey))
        .extract()
        .path("id");
  }

  /** The groups of incidents with runs of this flow. */
  private static List<Map<String, Object>> groupsOf(String flow) {
    return given()
        .queryParam("limit", 200)
        .get("/api/incidents")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("findAll { it.flows.contains('" + flow + "') }");
  }
}
