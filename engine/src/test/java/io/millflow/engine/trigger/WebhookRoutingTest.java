package io.millflow.engine.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What happens to accepted events: routing by condition, stale events, messages, failed dispatch
 * and replay.
 */
@QuarkusTest
class WebhookRoutingTest {

  @Inject WebhookDispatcher dispatcher;
  @Inject StateStore store;

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");

  @Test
  void conditionsRouteTwoPayloadsToTwoFlowsAndAThirdToNone() {
    FlowTestSupport.deploy(WebhookFlows.empty("route-orders"));
    FlowTestSupport.deploy(WebhookFlows.empty("route-downtime"));
    String trigger =
        create(
            Map.of(
                "routes",
                List.of(
                    Map.of("condition", "body.kind = \"order\"", "flowId", "route-orders"),
                    Map.of(
                        "condition",
                        "body.kind = \"downtime\" and get value(headers, \"x-site\") = \"plant-1\"",
                        "flowId",
                        "route-downtime"))));

    send(trigger, "{\"kind\":\"order\"}", "e1");
    send(trigger, "{\"kind\":\"downtime\"}", "e2");
    send(trigger, "{\"kind\":\"invoice\"}", "e3");

    assertThat(flowOfRun(awaitEvent(trigger, "e1"))).isEqualTo("route-orders");
    assertThat(flowOfRun(awaitEvent(trigger, "e2"))).isEqualTo("route-downtime");
    assertThat(awaitEvent(trigger, "e3")).containsEntry("status", "no_match");
  }

  @Test
  void theInboxKeepsTheHeadersRoutesReadAndNeverTheSendersCredentials() throws Exception {
    FlowTestSupport.deploy(WebhookFlows.empty("route-downtime"));
    String trigger =
        create(
            Map.of(
                "routes",
                List.of(
                    Map.of(
                        "condition",
                        "get value(headers, \"x-site\") = \"plant-1\"",
                        "flowId",
                        "route-downtime"))));

    send(trigger, "{\"kind\":\"downtime\"}", "h1");

    assertThat(flowOfRun(awaitEvent(trigger, "h1"))).isEqualTo("route-downtime");
    String stored =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select headers::text from webhook_inbox where trigger_id = :trigger and event_id = 'h1'")
                        .bind("trigger", trigger)
                        .mapTo(String.class)
                        .one());
    Map<String, Object> headers = io.millflow.step.Json.mapper().readValue(stored, Map.class);
    assertThat(headers.keySet()).containsExactlyInAnyOrder("content-type", "x-event-id", "x-site");
    assertThat(stored).doesNotContain(SENDER_TOKEN);
  }

  @Test
  void anEventOlderThanOneAlreadyAppliedForItsKeyIsStale() {
    FlowTestSupport.deploy(WebhookFlows.empty("route-orders"));
    String trigger =
        create(
            Map.of(
                "ordering",
                Map.of("key", "body.machine", "sequence", "body.seq"),
                "routes",
                List.of(Map.of("flowId", "route-orders"))));

    send(trigger, "{\"machine\":\"M1\",\"seq\":2}", "s2");
    assertThat(awaitEvent(trigger, "s2")).containsEntry("status", "dispatched");
    send(trigger, "{\"machine\":\"M1\",\"seq\":1}", "s1");
    send(trigger, "{\"machine\":\"M2\",\"seq\":1}", "m2");
    send(trigger, "{\"machine\":\"M1\",\"seq\":10}", "s10");

    assertThat(awaitEvent(trigger, "s1")).containsEntry("status", "stale");
    assertThat((String) awaitEvent(trigger, "s1").get("lastError")).contains("not newer");
    assertThat(awaitEvent(trigger, "m2")).containsEntry("status", "dispatched");
    assertThat(awaitEvent(trigger, "s10")).containsEntry("status", "dispatched");
  }

  @Test
  void aRouteCanPublishAMessageThatStartsAFlow() {
    FlowTestSupport.deploy(WebhookFlows.messageStart("route-message", "machine-alert"));
    String trigger =
        create(
            Map.of(
                "routes",
                List.of(
                    Map.of(
                        "message",
                        Map.of("name", "machine-alert", "correlationKey", "body.machine"),
                        "variables",
                        "{machine: body.machine}"))));

    send(trigger, "{\"machine\":\"M9\"}", "msg-1");

    assertThat(awaitEvent(trigger, "msg-1"))
        .containsEntry("status", "dispatched")
        .containsEntry("runIds", List.of("message:machine-alert"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                given()
                        .get("/api/runs?flow=route-message&status=completed")
                        .then()
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size()
                    > 0);
  }

  @Test
  void aFailedDispatchKeepsItsErrorAndCanBeReplayedOnceFixed() {
    String flow = "route-later-" + UUID.randomUUID();
    String trigger = create(Map.of("routes", List.of(Map.of("flowId", flow, "deployLater", true))));
    send(trigger, "{}", "late");

    Map<String, Object> failed =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> event(trigger, "late"), e -> e.get("lastError") != null);
    assertThat((String) failed.get("lastError")).contains("no such flow is deployed");

    FlowTestSupport.deploy(WebhookFlows.empty(flow));
    given()
        .post("/api/triggers/{id}/events/{event}/replay", trigger, failed.get("id"))
        .then()
        .statusCode(200);
    assertThat(flowOfRun(awaitEvent(trigger, "late"))).isEqualTo(flow);
  }

  @Test
  void handledEventsAreForgottenAfterTheDedupRetentionButUnhandledOnesStay() {
    FlowTestSupport.deploy(WebhookFlows.empty("route-orders"));
    String trigger = create(Map.of("routes", List.of(Map.of("flowId", "route-orders"))));
    String broken =
        create(
            Map.of(
                "routes",
                List.of(
                    Map.of("flowId", "route-missing-" + UUID.randomUUID(), "deployLater", true))));
    send(trigger, "{}", "old-1");
    send(broken, "{}", "old-2");
    assertThat(awaitEvent(trigger, "old-1")).containsEntry("status", "dispatched");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> event(broken, "old-2").get("lastError") != null);
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update webhook_inbox set received_at = now() - interval '8 days' where trigger_id in (:a, :b)")
                    .bind("a", trigger)
                    .bind("b", broken)
                    .execute());

    assertThat(dispatcher.purge()).isGreaterThanOrEqualTo(1);

    assertThat(event(trigger, "old-1")).isEmpty();
    assertThat(event(broken, "old-2")).containsEntry("status", "pending");
    String again = sendForAnswer(trigger, "{}", "old-1");
    assertThat(again).contains("\"duplicate\":false");
    assertThat(awaitEvent(trigger, "old-1")).containsEntry("status", "dispatched");
  }

  private static String create(Map<String, Object> settings) {
    Map<String, Object> definition = new HashMap<>(settings);
    definition.put("name", "routing");
    definition.put("signature", Map.of("type", "hmac", "header", "X-Signature"));
    definition.put("eventId", "header:X-Event-Id");
    var created =
        given()
            .contentType("application/json")
            .body(definition)
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    SECRETS.put(created.getString("trigger.id"), created.getString("secret"));
    return created.getString("trigger.id");
  }

  private static final Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A credential the sender sends along, as senders behind an authenticating proxy do; never to be
   * stored.
   */
  private static final String SENDER_TOKEN = "sender-credential-" + java.util.UUID.randomUUID();

  private static void send(String trigger, String body, String eventId) {
    sendForAnswer(trigger, body, eventId);
  }

  private static String sendForAnswer(String trigger, String body, String eventId) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return given()
        .contentType("application/json")
        .header("X-Event-Id", eventId)
        .header("X-Site", "plant-1")
        .header("Authorization", "Bearer " + SENDER_TOKEN)
        .header("Cookie", "session=" + SENDER_TOKEN)
        .header("X-Unread", "not read by any route")
        .header(
            "X-Signature", SignatureVerifier.sign(HMAC, SECRETS.get(trigger), bytes, Instant.now()))
        .body(bytes)
        .post("/webhooks/{id}", trigger)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  private static Map<String, Object> event(String trigger, String eventId) {
    List<Map<String, Object>> events =
        given()
            .get("/api/triggers/{id}/events", trigger)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    return events.stream()
        .filter(e -> eventId.equals(e.get("eventId")))
        .findFirst()
        .orElse(Map.of());
  }

  private static Map<String, Object> awaitEvent(String trigger, String eventId) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> event(trigger, eventId),
            e -> e.get("status") != null && !"pending".equals(e.get("status")));
  }

  private static String flowOfRun(Map<String, Object> event) {
    assertThat(event).containsEntry("status", "dispatched");
    String runId = ((List<?>) event.get("runIds")).getFirst().toString();
    return FlowTestSupport.awaitRunEnd(runId).getString("run.flowId");
  }
}
