package io.millflow.engine;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.FlowTestSupport.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.Connection;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run stopped at an incident is retried from where it stopped once its cause is fixed. */
@QuarkusTest
class RunRetryTest {

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandbox;
  @Inject MillflowConfig config;

  @Test
  void aRunStoppedByARejectedKeyCompletesWhenRetriedAfterTheKeyIsFixed() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        config.zeebe().address().isEmpty() || config.zeebe().restAddress().isPresent(),
        "retrying a run on a cluster finds its incidents through the cluster's REST address, which the test's Zeebe has not");
    // No client-side pacing: the sandbox's own limit is off in tests, Plex's 200 calls/minute would
    // slow the read.
    Map<String, String> settings =
        Map.of(
            "baseUrl",
            sandbox.offering(SandboxLauncher.PLEX_CONNECTION).orElseThrow().baseUrl(),
            "rateLimitPerMinute",
            "0");
    connections.provide(
        new Connection("plex-key-to-fix", "plex", settings, Map.of("apiKey", "wrong")));
    String flow =
        deploy(
            variant(
                "po-retry-after-fix",
                "<zeebe:input source=\"plex-sandbox\" target=\"connection\" />",
                "<zeebe:input source=\"plex-key-to-fix\" target=\"connection\" />"));
    FlowTestSupport.resetSyncState(flow);
    String runId =
        given()
            .contentType("application/json")
            .body(Map.of("variables", Map.of()))
            .post("/api/flows/{id}/runs", flow)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("incident");

    String rightKey =
        connections.resolve(config.tenant(), SandboxLauncher.PLEX_CONNECTION).credential("apiKey");
    connections.provide(
        new Connection("plex-key-to-fix", "plex", settings, Map.of("apiKey", rightKey)));
    given()
        .post("/api/runs/{id}/retry", runId)
        .then()
        .statusCode(200)
        .body("status", equalTo("running"));

    JsonPath run = awaitRunEnd(runId);
    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getList("steps.findAll { it.step.elementId == 'ReadOrders' }.step.status"))
        .containsExactly("failed", "completed");
  }

  @Test
  void onlyARunAtAnIncidentCanBeRetried() {
    FlowTestSupport.resetSyncState("plex-po-to-postgres");
    String runId = startRun("plex-po-to-postgres");
    awaitRunEnd(runId);

    given()
        .post("/api/runs/{id}/retry", runId)
        .then()
        .statusCode(409)
        .body("message", containsString("only a run at an incident can be retried"));
  }
}
