package io.millflow.engine.connection;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.FlowTestSupport.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.sandbox.Sandbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connection health: checks, statuses and their events, and steps held back while credentials are
 * refused.
 */
@QuarkusTest
class ConnectionHealthTest {

  @Inject ConnectionRegistry connections;
  @Inject ConnectionHealth health;
  @Inject SandboxLauncher sandboxes;
  @Inject StateStore store;

  @Test
  void aScheduledCheckMarksWorkingConnectionsOnline() {
    sandboxes.start();

    health.checkDue("default");

    given()
        .get("/api/connections/files/status")
        .then()
        .statusCode(200)
        .body("status", equalTo("online"))
        .body("lastCheck", org.hamcrest.Matchers.notNullValue());
    given().get("/api/connections/plex-sandbox/status").then().body("status", equalTo("online"));
  }

  @Test
  void refusedCredentialsHoldStepsBackAndAnnounceItUntilTheSystemTakesThemAgain() {
    sandboxes.start();
    Sandbox plex = sandboxes.offering(SandboxLauncher.PLEX_CONNECTION).orElseThrow();
    String name = "plex-health-" + System.nanoTime();
    Connection sandbox = connections.resolve("default", SandboxLauncher.PLEX_CONNECTION);
    connections.provide(new Connection(name, "plex", sandbox.settings(), sandbox.credentials()));
    String subscription =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "url",
                    "http://127.0.0.1:9/hook",
                    "eventTypes",
                    List.of("connection.reauth_required", "connection.status_changed")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("subscription.id");
    String flow =
        deploy(
            variant(
                "po-health-" + System.nanoTime(),
                "<zeebe:input source=\"plex-sandbox\" target=\"connection\" />",
                "<zeebe:input source=\"" + name + "\" target=\"connection\" />"));
    try {
      plex.faults().revokeCredentials(true);
      given()
          .post("/api/connections/{name}/test", name)
          .then()
          .body("problem", equalTo("AUTH_FAILED"));
      given()
          .get("/api/connections/{name}/status", name)
          .then()
          .body("status", equalTo("reauth_required"));
      assertThat(outboxTypesFor(name))
          .contains("connection.reauth_required", "connection.status_changed");

      plex.faults()
          .revokeCredentials(false); // the system takes the key again, but nobody has said so yet
      long callsBefore = plex.apiCalls();
      var stopped = awaitRunEnd(startRun(flow));
      assertThat(stopped.getString("run.status")).isEqualTo("incident");
      assertThat(stopped.getString("steps[0].step.errorCode")).isEqualTo("REAUTH_REQUIRED");
      assertThat(stopped.getString("steps[0].step.error"))
          .contains("needs new credentials", "/test");
      assertThat(plex.apiCalls())
          .as("the step did not call Plex with refused credentials")
          .isEqualTo(callsBefore);

      given().post("/api/connections/{name}/test", name).then().body("ok", equalTo(true));
      given().get("/api/connections/{name}/status", name).then().body("status", equalTo("online"));
      assertThat(awaitRunEnd(startRun(flow)).getString("run.status")).isEqualTo("completed");
    } finally {
      plex.faults().revokeCredentials(false);
      given().delete("/api/subscriptions/{id}", subscription);
    }
  }

  @Test
  void newCredentialsLetStepsThroughWithoutWaitingForACheck() {
    sandboxes.start();
    String name = "plex-rekeyed-" + System.nanoTime();
    Connection sandbox = connections.resolve("default", SandboxLauncher.PLEX_CONNECTION);
    Map<String, String> wrongKey = new java.util.HashMap<>(sandbox.credentials());
    wrongKey.put("apiKey", "wrong");
    Connection wrong = new Connection(name, "plex", sandbox.settings(), wrongKey);
    connections.provide(wrong);
    assertThat(health.check("default", wrong).problem())
        .isEqualTo(io.millflow.step.ConnectionProblem.AUTH_FAILED);
    assertThat(health.refusedWith("default", wrong)).isTrue();

    Connection fixed = new Connection(name, "plex", sandbox.settings(), sandbox.credentials());
    connections.provide(fixed);

    assertThat(health.refusedWith("default", fixed)).isFalse();
  }

  @Test
  void aFailingConnectionIsCheckedLessAndLessOften() {
    Duration interval = Duration.ofMinutes(5);

    assertThat(ConnectionHealth.backoff(interval, 1)).isEqualTo(Duration.ofMinutes(5));
    assertThat(ConnectionHealth.backoff(interval, 2)).isEqualTo(Duration.ofMinutes(10));
    assertThat(ConnectionHealth.backoff(interval, 4)).isEqualTo(Duration.ofMinutes(40));
    assertThat(ConnectionHealth.backoff(interval, 30)).isEqualTo(ConnectionHealth.MAX_BACKOFF);
  }

  private List<String> outboxTypesFor(String connection) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select type from event_outbox where payload->'data'->>'connection' = :c")
                    .bind("c", connection)
                    .mapTo(String.class)
                    .list());
  }
}
