package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.engine.trigger.WebhookFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the trigger page shows of deliveries and refused requests, and deleting a trigger. */
@QuarkusTest
class TriggerDeliveriesApiTest {

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");
  private static final String SENDER_TOKEN = "sender-credential-" + java.util.UUID.randomUUID();

  @Test
  void aDeliveryShowsItsHeadersMaskedItsPayloadAndWhyEachRouteMatchedOrNot() {
    FlowTestSupport.deploy(WebhookFlows.empty("deliveries-orders"));
    Created trigger =
        create(
            "deliveries",
            List.of(
                Map.of("condition", "body.kind", "flowId", "deliveries-orders"),
                Map.of("condition", "body.kind = \"order\"", "flowId", "deliveries-orders"),
                Map.of("condition", "true", "flowId", "deliveries-orders")));

    send(trigger, "{\"kind\":\"order\"}", "d1", 200);
    String id = awaitHandled(trigger.id(), "d1");

    JsonPath detail =
        given()
            .get("/api/triggers/{id}/events/{event}", trigger.id(), id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(detail.getString("payload")).isEqualTo("{\"kind\":\"order\"}");
    assertThat(detail.getBoolean("payloadTruncated")).isFalse();
    assertThat(detail.getString("headers.x-site")).isEqualTo("plant-1");
    assertThat(detail.getString("headers.authorization")).isEqualTo("(masked)");
    assertThat(detail.getString("headers.cookie")).isEqualTo("(masked)");
    assertThat(detail.getString("headers.x-signature")).isEqualTo("(masked)");
    assertThat(detail.prettyPrint()).doesNotContain(SENDER_TOKEN);
    assertThat(detail.getBoolean("routes[0].matched")).isFalse();
    assertThat(detail.getString("routes[0].reason")).contains("not true or false");
    assertThat(detail.getBoolean("routes[1].matched")).isTrue();
    assertThat(detail.getString("routes[1].started"))
        .isEqualTo(detail.getString("event.runIds[0]"));
    assertThat(detail.getBoolean("routes[2].matched")).isFalse();
    assertThat(detail.getString("routes[2].reason")).contains("an earlier route matched");
  }

  @Test
  void refusedRequestsAreListedWithTheirAnswerAndReasonButNotTheirBodies() {
    FlowTestSupport.deploy(WebhookFlows.empty("deliveries-orders"));
    Created trigger =
        create("refusals", List.of(Map.of("condition", "true", "flowId", "deliveries-orders")));

    given()
        .contentType("application/json")
        .header("X-Event-Id", "bad")
        .header("X-Signature", "not-a-signature")
        .body("{\"secretPayload\":\"do-not-keep\"}")
        .post("/webhooks/{id}", trigger.id())
        .then()
        .statusCode(401);
    given().post("/api/triggers/{id}/pause", trigger.id()).then().statusCode(200);
    send(trigger, "{\"secretPayload\":\"do-not-keep\"}", "p1", 503);

    JsonPath rejections =
        given()
            .get("/api/triggers/{id}/rejections", trigger.id())
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(rejections.getList("status", Integer.class)).containsExactly(503, 401);
    assertThat(rejections.getString("[1].reason")).contains("signature did not verify");
    assertThat(rejections.getString("[0].receivedAt")).isNotBlank();
    assertThat(rejections.prettyPrint()).doesNotContain("do-not-keep");
  }

  @Test
  void aDeletedTriggersUrlAnswers404AndItIsGoneFromTheList() {
    FlowTestSupport.deploy(WebhookFlows.empty("deliveries-orders"));
    Created trigger =
        create("to-delete", List.of(Map.of("condition", "true", "flowId", "deliveries-orders")));

    given().delete("/api/triggers/{id}", trigger.id()).then().statusCode(204);

    send(trigger, "{}", "gone", 404);
    assertThat(given().get("/api/triggers").jsonPath().getList("id")).doesNotContain(trigger.id());
    given().delete("/api/triggers/{id}", trigger.id()).then().statusCode(404);
  }

  @Test
  void aFlowIsNotDeletedWhileATriggerRoutesToItAndIsOnceNothingDoes() {
    FlowTestSupport.deploy(WebhookFlows.empty("deliveries-deletable"));
    String run = FlowTestSupport.startRun("deliveries-deletable");
    FlowTestSupport.awaitRunEnd(run);
    Created trigger =
        create(
            "routes-to-deletable",
            List.of(Map.of("condition", "true", "flowId", "deliveries-deletable")));

    given()
        .delete("/api/flows/deliveries-deletable")
        .then()
        .statusCode(409)
        .body("error", equalTo("conflict"))
        .body("message", containsString("routes-to-deletable"));

    given().delete("/api/triggers/{id}", trigger.id()).then().statusCode(204);
    given().delete("/api/flows/deliveries-deletable").then().statusCode(204);

    assertThat(given().get("/api/flows").jsonPath().getList("id"))
        .doesNotContain("deliveries-deletable");
    given().get("/api/runs/{id}", run).then().statusCode(200);
    given().delete("/api/flows/deliveries-deletable").then().statusCode(404);
  }

  @Test
  void aFlowWithARunInFlightIsNotDeletedAndTheAnswerNamesTheRun() {
    FlowTestSupport.deploy(WAITING);
    String run = FlowTestSupport.startRun("deliveries-waiting");

    given()
        .delete("/api/flows/deliveries-waiting")
        .then()
        .statusCode(409)
        .body("message", containsString(run));
  }

  @Test
  void aBundledFlowIsNotDeletedSinceItReturnsAtEveryStart() {
    given()
        .delete("/api/flows/plex-po-to-postgres")
        .then()
        .statusCode(409)
        .body("message", containsString("bundled"));
  }

  /** Waits for a message that never comes: a run that stays in flight. */
  private static final String WAITING =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D_waiting" targetNamespace="http://millflow.io/test">
        <bpmn:message id="Never" name="deliveries-never">
          <bpmn:extensionElements><zeebe:subscription correlationKey="=&quot;k&quot;" /></bpmn:extensionElements>
        </bpmn:message>
        <bpmn:process id="deliveries-waiting" isExecutable="true">
          <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
          <bpmn:intermediateCatchEvent id="Wait"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
            <bpmn:messageEventDefinition messageRef="Never" /></bpmn:intermediateCatchEvent>
          <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
          <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
          <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  private record Created(String id, String secret) {}

  private static Created create(String name, List<Map<String, Object>> routes) {
    JsonPath created = HmacTriggers.create(name, routes);
    return new Created(created.getString("trigger.id"), created.getString("secret"));
  }

  private static void send(Created trigger, String body, String eventId, int status) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header("X-Event-Id", eventId)
        .header("X-Site", "plant-1")
        .header("Authorization", "Bearer " + SENDER_TOKEN)
        .header("Cookie", "session=" + SENDER_TOKEN)
        .header("X-Signature", SignatureVerifier.sign(HMAC, trigger.secret(), bytes, Instant.now()))
        .body(bytes)
        .post("/webhooks/{id}", trigger.id())
        .then()
        .statusCode(status);
  }

  /** The inbox id of the event, once dispatched or settled. */
  private static String awaitHandled(String trigger, String eventId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                    .get("/api/triggers/{id}/events", trigger)
                    .jsonPath()
                    .getList("$", Map.class)
                    .stream()
                    .filter(e -> eventId.equals(e.get("eventId")))
                    .filter(e -> !"pending".equals(e.get("status")))
                    .map(e -> e.get("id").toString())
                    .findFirst()
                    .orElse(null),
            id -> id != null);
  }
}
