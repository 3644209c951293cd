package io.millflow.engine.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.FlowTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhook triggers over real HTTP: verify, store, acknowledge; then route to flows by FEEL
 * conditions.
 */
@QuarkusTest
class WebhookTriggerTest {

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "sha256=");

  /**
   * Deploying the same BPMN again changes nothing, so every test can make sure its flows are there.
   */
  @BeforeEach
  void deployFlows() {
    FlowTestSupport.deploy(WebhookFlows.empty("webhook-orders"));
    FlowTestSupport.deploy(WebhookFlows.empty("webhook-downtime"));
  }

  @Test
  void aSignedEventIsAcknowledgedAndStartsTheFlowItsConditionMatches() {
    Created trigger = createSigned();
    String body = "{\"type\":\"downtime\",\"machine\":\"M-7\"}";

    postSigned(trigger, body, "evt-1")
        .statusCode(200)
        .body("accepted", equalTo(true))
        .body("duplicate", equalTo(false))
        .body("eventId", equalTo("evt-1"));

    Map<String, Object> event = awaitDispatched(trigger.id(), "evt-1");
    assertThat(event).containsEntry("status", "dispatched");
    String runId = ((List<?>) event.get("runIds")).getFirst().toString();
    var run = FlowTestSupport.awaitRunEnd(runId);
    assertThat(run.getString("run.flowId")).isEqualTo("webhook-downtime");
    assertThat(run.getString("run.startedBy")).isEqualTo("trigger:machines");
  }

  private static final Map<String, Object> HMAC_HEADER =
      Map.of("type", "hmac", "header", "X-Signature");

  @Test
  void aRouteToAFlowThatIsNotDeployedIsRefusedUnlessItIsDeployedLater() {
    Map<String, Object> toNowhere = Map.of("condition", "true", "flowId", "no-such-flow-yet");
    given()
        .contentType("application/json")
        .body(Map.of("name", "nowhere", "signature", HMAC_HEADER, "routes", List.of(toNowhere)))
        .post("/api/triggers")
        .then()
        .statusCode(400)
        .body("field", equalTo("routes[0].flowId"))
        .body(
            "message",
            org.hamcrest.Matchers.containsString(
                "routes[0].flowId names the flow 'no-such-flow-yet', which is not deployed"));

    Map<String, Object> later = new java.util.HashMap<>(toNowhere);
    later.put("deployLater", true);
    given()
        .contentType("application/json")
        .body(Map.of("name", "nowhere-yet", "signature", HMAC_HEADER, "routes", List.of(later)))
        .post("/api/triggers")
        .then()
        .statusCode(201);
  }

  @Test
  void aTestEventIsSignedOnTheServerAndStartsTheFlowItsRouteMatches() {
    Created trigger = createSigned();

    String eventId =
        given()
            .contentType("application/json")
            .body(Map.of("type", "downtime", "machine", "M-test"))
            .post("/api/triggers/{id}/test-event", trigger.id())
            .then()
            .statusCode(200)
            .body("accepted", equalTo(true))
            .extract()
            .path("eventId");
    assertThat(eventId).startsWith("test-");

    Map<String, Object> event = awaitDispatched(trigger.id(), eventId);
    String runId = ((List<?>) event.get("runIds")).getFirst().toString();
    assertThat(FlowTestSupport.awaitRunEnd(runId).getString("run.flowId"))
        .isEqualTo("webhook-downtime");
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/triggers/{id}/test-event", "no-such-trigger")
        .then()
        .statusCode(404);
  }

  @Test
  void aPausedTriggerAsksTheSenderToRetryLaterAndStoresNothingUntilResumed() {
    Created trigger = createSigned();
    String body = "{\"type\":\"order\",\"id\":\"PO-paused\"}";

    given()
        .post("/api/triggers/{id}/pause", trigger.id())
        .then()
        .statusCode(200)
        .body("pausedAt", org.hamcrest.Matchers.notNullValue());
    postSigned(trigger, body, "evt-paused")
        .statusCode(503)
        .header("Retry-After", "300")
        .body("error", equalTo("paused"));
    assertThat(events(trigger.id())).isEmpty();

    given()
        .delete("/api/triggers/{id}/pause", trigger.id())
        .then()
        .statusCode(200)
        .body("pausedAt", org.hamcrest.Matchers.nullValue());
    postSigned(trigger, body, "evt-paused").statusCode(200);
    awaitDispatched(trigger.id(), "evt-paused");
    given().post("/api/triggers/{id}/pause", "no-such-trigger").then().statusCode(404);
  }

  @Test
  void aRepeatedEventIdIsAcknowledgedAsADuplicateAndStartsNothingMore() {
    Created trigger = createSigned();
    String body = "{\"type\":\"order\",\"id\":\"PO-1\"}";

    postSigned(trigger, body, "evt-dup").statusCode(200).body("duplicate", equalTo(false));
    postSigned(trigger, body, "evt-dup").statusCode(200).body("duplicate", equalTo(true));

    awaitDispatched(trigger.id(), "evt-dup");
    assertThat(events(trigger.id())).hasSize(1);
  }

  @Test
  void aWrongOrMissingSignatureIsUnauthorizedAndStoresNothing() {
    Created trigger = createSigned();
    String body = "{\"type\":\"order\"}";

    post(trigger, body, sign("not-the-secret", body), "evt-x")
        .statusCode(401)
        .body("message", equalTo("Signature not valid."));
    given()
        .contentType("application/json")
        .body(body)
        .post("/webhooks/{id}", trigger.id())
        .then()
        .statusCode(401);
    assertThat(events(trigger.id())).isEmpty();
  }

  @Test
  void aStaleTimestampedSignatureIsUnauthorized() {
    Created trigger = create(Map.of("type", "timestamped", "header", "X-Signature"), null);
    var scheme = new SignatureScheme.Timestamped("X-Signature", 300);
    byte[] body = "{\"type\":\"order\"}".getBytes(StandardCharsets.UTF_8);

    signed(
            "X-Signature",
            SignatureVerifier.sign(
                scheme, trigger.secret(), body, Instant.now().minus(Duration.ofMinutes(10))))
        .body(body)
        .post("/webhooks/{id}", trigger.id())
        .then()
        .statusCode(401);
    signed("X-Signature", SignatureVerifier.sign(scheme, trigger.secret(), body, Instant.now()))
        .body(body)
        .post("/webhooks/{id}", trigger.id())
        .then()
        .statusCode(200);
  }

  @Test
  void makiniSignedEventsAreAccepted() {
    Created trigger = create(Map.of("type", "makini"), null);
    byte[] body =
        "{\"event\":\"assets.updated\",\"body\":[\"A-1\"]}".getBytes(StandardCharsets.UTF_8);

    signed(
            "X-Webhook-Signature",
            SignatureVerifier.sign(
                new SignatureScheme.Makini(), trigger.secret(), body, Instant.now()))
        .body(body)
        .post("/webhooks/{id}", trigger.id())
        .then()
        .statusCode(200)
        .body("eventId", containsString("sha256:"));
  }

  @Test
  void anUnknownTriggerIsNotFoundAndAnOversizedBodyIsRefused() {
    given().body("{}").post("/webhooks/{id}", UUID.randomUUID()).then().statusCode(404);
    Created trigger = createWithLimit(64);
    String big = "{\"type\":\"order\",\"pad\":\"" + "x".repeat(100) + "\"}";
    postSigned(trigger, big, "evt-big").statusCode(413);
  }

  @Test
  void aMalformedBodyIsABadRequestWhenTheEventIdComesFromIt() {
    Created trigger =
        create(Map.of("type", "hmac", "header", "X-Signature", "prefix", "sha256="), "pointer:/id");
    String body = "{\"id\": ";
    postSigned(trigger, body, null)
        .statusCode(400)
        .body("message", containsString("not valid JSON"));
  }

  @Test
  void anEventNoRouteMatchesIsRecordedAsNoMatch() {
    Created trigger = createSigned();
    String body = "{\"type\":\"something-else\"}";
    postSigned(trigger, body, "evt-none").statusCode(200);

    assertThat(awaitDispatched(trigger.id(), "evt-none")).containsEntry("status", "no_match");
  }

  @Test
  void theOldSecretKeepsVerifyingDuringTheRotationGrace() {
    Created trigger = createSigned();
    String newSecret =
        given()
            .post("/api/triggers/{id}/rotate-secret?graceMinutes=5", trigger.id())
            .then()
            .statusCode(200)
            .extract()
            .path("secret");
    String body = "{\"type\":\"order\"}";

    postSigned(trigger, body, "evt-old").statusCode(200);
    post(trigger, body, sign(newSecret, body), "evt-new").statusCode(200);
  }

  @Test
  void theVerifyEndpointChecksASignatureAndStoresNothing() {
    Created trigger = createSigned();
    String body = "{\"type\":\"order\"}";

    signed("X-Signature", sign(trigger.secret(), body))
        .body(body)
        .post("/webhooks/{id}/verify", trigger.id())
        .then()
        .statusCode(200)
        .body("verified", equalTo(true));
    signed("X-Signature", sign("wrong", body))
        .body(body)
        .post("/webhooks/{id}/verify", trigger.id())
        .then()
        .statusCode(401);
    assertThat(events(trigger.id())).isEmpty();
  }

  @Test
  void anInvalidTriggerIsABadRequestNamingTheField() {
    given()
        .contentType("application/json")
        .body(Map.of("name", "t", "routes", List.of(Map.of("condition", "true"))))
        .post("/api/triggers")
        .then()
        .statusCode(400)
        .body("message", containsString("flowId"));
  }

  record Created(String id, String secret) {}

  private static Created create(Map<String, Object> signature, String eventId) {
    Map<String, Object> definition =
        new java.util.HashMap<>(
            Map.of(
                "name",
                "machines",
                "signature",
                signature,
                "routes",
                List.of(
                    Map.of(
                        "condition",
                        "=body.type = \"order\"",
                        "flowId",
                        "webhook-orders",
                        "variables",
                        "={orderId: body.id}"),
                    Map.of(
                        "condition", "body.type = \"downtime\"", "flowId", "webhook-downtime"))));
    if (eventId != null) {
      definition.put("eventId", eventId);
    }
    return created(definition);
  }

  private static Created createWithLimit(int maxBodyBytes) {
    return created(
        Map.of(
            "name",
            "small",
            "maxBodyBytes",
            maxBodyBytes,
            "routes",
            List.of(Map.of("flowId", "webhook-orders"))));
  }

  /** Creates the trigger {@code definition} describes, which must be valid. */
  private static Created created(Map<String, Object> definition) {
    var created =
        given()
            .contentType("application/json")
            .body(definition)
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Created(created.getString("trigger.id"), created.getString("secret"));
  }

  /** The standard trigger of these tests: HMAC-SHA256 in X-Signature, event ids in X-Event-Id. */
  private static Created createSigned() {
    return create(
        Map.of("type", "hmac", "header", "X-Signature", "prefix", "sha256="), "header:X-Event-Id");
  }

  /** A JSON request carrying {@code signature} in {@code header}; its body is the caller's. */
  private static RequestSpecification signed(String header, String signature) {
    return given().contentType("application/json").header(header, signature);
  }

  /** Posts {@code body} to the trigger, signed with its secret, with event id {@code eventId}. */
  private static ValidatableResponse postSigned(Created trigger, String body, String eventId) {
    return post(trigger, body, sign(trigger.secret(), body), eventId);
  }

  private static String sign(String secret, String body) {
    return SignatureVerifier.sign(
        HMAC, secret, body.getBytes(StandardCharsets.UTF_8), Instant.now());
  }

  private static ValidatableResponse post(
      Created trigger, String body, String signature, String eventId) {
    var request = signed("X-Signature", signature).body(body);
    if (eventId != null) {
      request = request.header("X-Event-Id", eventId);
    }
    return request.post("/webhooks/{id}", trigger.id()).then();
  }

  private static List<Map<String, Object>> events(String triggerId) {
    return given()
        .get("/api/triggers/{id}/events", triggerId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("$");
  }

  private static Map<String, Object> awaitDispatched(String triggerId, String eventId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                events(triggerId).stream()
                    .filter(e -> eventId.equals(e.get("eventId")))
                    .findFirst()
                    .orElse(Map.of()),
            event -> event.get("status") != null && !"pending".equals(event.get("status")));
  }
}
