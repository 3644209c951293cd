package io.millflow.engine.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A webhook as large as its trigger allows (5 or 10 MB; the engine refuses a message over 4 MB, so
 * such events were answered 200 and then went dead) starts its flow: the body travels by reference
 * through the dataset store, and the flow's step reads every record of it. An event left dead for
 * its size before starts its flow when replayed.
 */
@QuarkusTest
class LargeWebhookTest {

  @Inject ConnectionRegistry connections;
  @Inject StateStore store;

  @Test
  void aFiveMegabyteWebhookStartsItsFlowWhichReadsTheWholeBody() {
    String table = "webhook_large_" + System.nanoTime();
    JsonPath trigger = triggerWritingTo(table);
    byte[] body = orders(20_000);
    assertThat(body.length).isGreaterThan(5 * 1024 * 1024);

    String signature =
        SignatureVerifier.sign(
            new SignatureScheme.Hmac(null, null, null, null),
            trigger.getString("secret"),
            body,
            Instant.now());
    given()
        .contentType("application/json")
        .header("X-Signature", signature)
        .body(body)
        .post("/webhooks/{id}", trigger.getString("trigger.id"))
        .then()
        .statusCode(200);

    assertTheFlowWroteEveryOrder(awaitHandled(trigger.getString("trigger.id")), table, 20_000);
  }

  @Test
  void aTenMegabyteEventLeftDeadForItsSizeStartsItsFlowWhenReplayed() {
    String table = "webhook_replayed_" + System.nanoTime();
    String triggerId = triggerWritingTo(table).getString("trigger.id");
    byte[] body = orders(37_000);
    assertThat(body.length).isGreaterThan(10_000_000).isLessThanOrEqualTo(10_485_760);
    UUID event = UUID.randomUUID();
    // As the inbox kept such an event before it could travel by reference.
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
            insert into webhook_inbox (id, trigger_id, event_id, headers, query, body, status, attempts, last_error)
            values (:id, :trigger, :event, '{}', '{}', :body, 'dead', 10,
                    'gRPC message exceeds maximum size 4194304: 10551234')""")
                    .bind("id", event)
                    .bind("trigger", triggerId)
                    .bind("event", "sha256:" + event)
                    .bind("body", body)
                    .execute());

    given()
        .post("/api/triggers/{id}/events/{event}/replay", triggerId, event)
        .then()
        .statusCode(200);

    assertTheFlowWroteEveryOrder(awaitHandled(triggerId), table, 37_000);
  }

  /**
   * A trigger taking up to 10 MB whose one route starts a flow writing the body's records to {@code
   * table}.
   */
  private static JsonPath triggerWritingTo(String table) {
    String flow =
        FlowTestSupport.deploy(
            Bpmn.convertToString(
                Bpmn.createExecutableProcess("write-" + table)
                    .startEvent()
                    .serviceTask(
                        "write",
                        task ->
                            task.zeebeJobType("postgres.write")
                                .zeebeInput("=\"warehouse\"", "connection")
                                .zeebeInput("=\"" + table + "\"", "table")
                                .zeebeInput("=\"insert\"", "mode")
                                .zeebeInput("=body", "records"))
                    .endEvent()
                    .done()));
    return given()
        .contentType("application/json")
        .body(
            Map.of(
                "name",
                "large",
                "maxBodyBytes",
                10_485_760,
                "routes",
                List.of(Map.of("flowId", flow))))
        .post("/api/triggers")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }

  private static Map<String, Object> awaitHandled(String triggerId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                given()
                    .get("/api/triggers/{id}/events", triggerId)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .<Map<String, Object>>getList("$")
                    .getFirst(),
            e -> !"pending".equals(e.get("status")));
  }

  private void assertTheFlowWroteEveryOrder(Map<String, Object> event, String table, int orders) {
    assertThat(event).as("the event's dispatch").containsEntry("status", "dispatched");
    String runId = ((List<?>) event.get("runIds")).getFirst().toString();
    assertThat(FlowTestSupport.awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");
    int written =
        FlowTestSupport.warehouse(connections, "default")
            .withHandle(
                h ->
                    h.createQuery("select count(*) from " + table + " where note like 'order %'")
                        .mapTo(Integer.class)
                        .one());
    assertThat(written).as("orders the flow read from the webhook and wrote").isEqualTo(orders);
  }

  /** A JSON array of {@code count} orders of about 280 bytes each. */
  private static byte[] orders(int count) {
    StringBuilder json = new StringBuilder("[");
    String padding = "x".repeat(240);
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"id\":")
          .append(i)
          .append(",\"note\":\"order ")
          .append(i)
          .append(' ')
          .append(padding)
          .append("\"}");
    }
    return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }
}
