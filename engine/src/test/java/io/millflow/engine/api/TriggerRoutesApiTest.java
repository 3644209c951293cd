package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The designer's route editor: PUT /api/triggers/{id}/routes replaces a trigger's routes. */
@QuarkusTest
class TriggerRoutesApiTest {

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");

  @Test
  void eventsReceivedAfterTheEditFollowTheNewRoutes() {
    FlowTestSupport.deploy(io.millflow.engine.trigger.WebhookFlows.empty("edit-routes-before"));
    FlowTestSupport.deploy(io.millflow.engine.trigger.WebhookFlows.empty("edit-routes-after"));
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "editable",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "eventId",
                    "header:X-Event-Id",
                    "routes",
                    List.of(Map.of("flowId", "edit-routes-before"))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String id = created.getString("trigger.id");

    given()
        .contentType("application/json")
        .body(
            Map.of(
                "routes",
                List.of(
                    Map.of("condition", "body.kind = \"order\"", "flowId", "edit-routes-after")),
                "matchAll",
                true))
        .put("/api/triggers/{id}/routes", id)
        .then()
        .statusCode(200)
        .body("routes[0].flowId", equalTo("edit-routes-after"))
        .body("matchAll", equalTo(true));

    byte[] body = "{\"kind\":\"order\"}".getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header("X-Event-Id", "after-edit")
        .header(
            "X-Signature",
            SignatureVerifier.sign(HMAC, created.getString("secret"), body, Instant.now()))
        .body(body)
        .post("/webhooks/{id}", id)
        .then()
        .statusCode(200);
    Map<String, Object> event =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    given()
                        .get("/api/triggers/{id}/events", id)
                        .then()
                        .extract()
                        .jsonPath()
                        .<Map<String, Object>>getList("")
                        .get(0),
                e -> !"pending".equals(e.get("status")));
    assertThat(event).containsEntry("status", "dispatched");
    String runId = ((List<?>) event.get("runIds")).getFirst().toString();
    assertThat(FlowTestSupport.awaitRunEnd(runId).getString("run.flowId"))
        .isEqualTo("edit-routes-after");
  }

  @Test
  void refusesAConditionThatIsNotFeelAndAnUnknownTrigger() {
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "strict",
                    "routes",
                    List.of(Map.of("flowId", "any-flow", "deployLater", true))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();

    given()
        .contentType("application/json")
        .body(
            Map.of(
                "routes",
                List.of(Map.of("condition", "body.kind = = \"order\"", "flowId", "any-flow"))))
        .put("/api/triggers/{id}/routes", created.getString("trigger.id"))
        .then()
        .statusCode(400)
        .body("message", containsString("Route 1: the condition"))
        .body("field", equalTo("routes[0].condition"));
    given()
        .contentType("application/json")
        .body(
            Map.of(
                "routes",
                List.of(
                    Map.of("condition", "body.kind = \"order\"", "flowId", "any-flow"),
                    Map.of("condition", "body.kind = \"invoice\" and", "flowId", "any-flow"))))
        .put("/api/triggers/{id}/routes", created.getString("trigger.id"))
        .then()
        .statusCode(400)
        .body("field", equalTo("routes[1].condition"))
        .body("message", containsString("is not valid FEEL"));
    given()
        .contentType("application/json")
        .body(Map.of("routes", List.of(Map.of("flowId", "any-flow"))))
        .put("/api/triggers/{id}/routes", "no-such-trigger")
        .then()
        .statusCode(404);
  }
}
