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
  @Inject io.millflow.engine.history.RunInputs inputs;

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
  void aRunStoppedByAMistakeInItsFlowCompletesWhenRetriedOnTheFixedLatestVersion() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        config.zeebe().address().isEmpty(),
        "moving a run to another version is implemented for the embedded engine");
    String flow =
        deploy(
            variant(
                "po-retry-on-latest",
                "<zeebe:input source=\"plex-sandbox\" target=\"connection\" />",
                "<zeebe:input source=\"plex-sandbox-misspelt\" target=\"connection\" />"));
    FlowTestSupport.resetSyncState(flow);
    String runId = startRun(flow);
    assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("incident");

    int fixedVersion =
        given()
            .contentType("application/xml")
            .body(variant("po-retry-on-latest", "plex-sandbox", "plex-sandbox"))
            .post("/api/flows")
            .then()
            .statusCode(201)
            .extract()
            .path("version");
    given()
        .queryParam("version", "latest")
        .post("/api/runs/{id}/retry", runId)
        .then()
        .statusCode(200)
        .body("status", equalTo("running"))
        .body("flowVersion", equalTo(fixedVersion));

    JsonPath run = awaitRunEnd(runId);
    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getInt("run.flowVersion")).isEqualTo(fixedVersion);
    assertThat(run.getList("steps.findAll { it.step.elementId == 'ReadOrders' }.step.status"))
        .containsExactly("failed", "completed");
  }

  @Test
  void aRunIsStartedAgainWithTheVariablesItStartedWith() {
    String flow = deploy(variant("po-restart-same-input", "plex-sandbox", "plex-sandbox"));
    String first =
        given()
            .contentType("application/json")
            .body(Map.of("variables", Map.of("restartNote", "P-7", "restartCopies", 3)))
            .post("/api/flows/{id}/runs", flow)
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    awaitRunEnd(first);

    String second =
        given()
            .post("/api/runs/{id}/restart", first)
            .then()
            .statusCode(201)
            .body("flowId", equalTo(flow))
            .extract()
            .path("id");
    assertThat(second).isNotEqualTo(first);
    assertThat(inputs.of(config.tenant(), java.util.UUID.fromString(second)))
        .contains(Map.of("restartNote", "P-7", "restartCopies", 3));
    given().post("/api/runs/{id}/restart", java.util.UUID.randomUUID()).then().statusCode(404);
  }

  @Test
  void aRetryOnAnUnknownVersionIsRefused() {
    given()
        .queryParam("version", "previous")
        .post("/api/runs/{id}/retry", java.util.UUID.randomUUID())
        .then()
        .statusCode(400)
        .body("message", containsString("'same' or 'latest'"));
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
