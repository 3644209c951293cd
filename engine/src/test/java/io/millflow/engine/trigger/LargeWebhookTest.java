package io.millflow.engine.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.connection.ConnectionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A webhook as large as its trigger allows (here 5 MB; the engine refuses a message over 4 MB, so such events were
 * answered 200 and then went dead) starts its flow: the body travels by reference through the dataset store, and the
 * flow's step reads every record of it.
 */
@QuarkusTest
class LargeWebhookTest {

  private static final int RECORDS = 20_000;

  @Inject ConnectionRegistry connections;

  @Test
  void aFiveMegabyteWebhookStartsItsFlowWhichReadsTheWholeBody() {
    String table = "webhook_large_" + System.nanoTime();
    String flow = FlowTestSupport.deploy(Bpmn.convertToString(Bpmn.createExecutableProcess("webhook-large-write")
        .startEvent().serviceTask("write", task -> task.zeebeJobType("postgres.write")
            .zeebeInput("=\"warehouse\"", "connection").zeebeInput("=\"" + table + "\"", "table")
            .zeebeInput("=\"insert\"", "mode").zeebeInput("=body", "records"))
        .endEvent().done()));
    var trigger = given().contentType("application/json").body(Map.of("name", "large", "maxBodyBytes", 10_485_760,
            "routes", List.of(Map.of("flowId", flow))))
        .post("/api/triggers").then().statusCode(201).extract().jsonPath();
    byte[] body = orders();
    assertThat(body.length).isGreaterThan(5 * 1024 * 1024);

    String signature = SignatureVerifier.sign(new SignatureScheme.Hmac(null, null, null, null),
        trigger.getString("secret"), body, Instant.now());
    given().contentType("application/json").header("X-Signature", signature).body(body)
        .post("/webhooks/{id}", trigger.getString("trigger.id")).then().statusCode(200);

    Map<String, Object> event = await().atMost(Duration.ofSeconds(60)).until(
        () -> given().get("/api/triggers/{id}/events", trigger.getString("trigger.id")).then().statusCode(200)
            .extract().jsonPath().<Map<String, Object>>getList("$").getFirst(),
        e -> !"pending".equals(e.get("status")));
    assertThat(event).as("the event's dispatch").containsEntry("status", "dispatched");
    String runId = ((String) event.get("runIds")).replaceAll("[\\[\\]\" ]", "");
    JsonPath run = FlowTestSupport.awaitRunEnd(runId);
    assertThat(run.getString("run.status")).isEqualTo("completed");
    int written = FlowTestSupport.warehouse(connections, "default").withHandle(h -> h.createQuery(
        "select count(*) from " + table + " where note like 'order %'").mapTo(Integer.class).one());
    assertThat(written).as("orders the flow read from the webhook and wrote").isEqualTo(RECORDS);
  }

  /** A JSON array of orders, a little over 5 MB. */
  private static byte[] orders() {
    StringBuilder json = new StringBuilder("[");
    String padding = "x".repeat(240);
    for (int i = 0; i < RECORDS; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"note\":\"order ").append(i).append(' ')
          .append(padding).append("\"}");
    }
    return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }
}
