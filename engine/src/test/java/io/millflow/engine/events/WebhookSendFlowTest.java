package io.millflow.engine.events;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.step.Json;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A flow notifies subscribers of its own event, signed, once per task, through the outbox. */
@QuarkusTest
class WebhookSendFlowTest {

  record Received(String signature, String type, byte[] body) {}

  @Inject OutboundEvents events;

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<String> subscriptions = new CopyOnWriteArrayList<>();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("X-Millflow-Signature"),
                  exchange.getRequestHeaders().getFirst("X-Millflow-Event-Type"),
                  exchange.getRequestBody().readAllBytes()));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    subscriptions.forEach(id -> given().delete("/api/subscriptions/{id}", id));
    receiver.stop(0);
  }

  @Test
  void aFlowSendsItsEventWithThePayloadMappedFromVariablesSigned() throws Exception {
    String secret = subscribe(List.of("custom.stock.low"));
    deploy(
        flow(
            "notify-low-stock",
            "stock.low",
            "={part: part, onHand: onHand, reorder: onHand &lt; 10}"));

    String runId =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("variables", Map.of("part", "BRK-100", "onHand", 4)))
            .post("/api/flows/notify-low-stock/runs")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");

    Received event =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> received.stream().findFirst(), java.util.Optional::isPresent)
            .orElseThrow();
    JsonNode body = Json.mapper().readTree(event.body());
    assertThat(event.type()).isEqualTo("custom.stock.low");
    assertThat(body.at("/data/runId").asText()).isEqualTo(runId);
    assertThat(body.at("/data/payload/part").asText()).isEqualTo("BRK-100");
    assertThat(body.at("/data/payload/onHand").asInt()).isEqualTo(4);
    assertThat(body.at("/data/payload/reorder").asBoolean()).isTrue();
    assertThat(
            SignatureVerifier.verifies(
                new SignatureScheme.Timestamped("X-Millflow-Signature", 300),
                List.of(secret),
                event.body(),
                name -> event.signature(),
                Instant.now()))
        .isTrue();
  }

  @Test
  void theSameTaskSendsOnceEvenWhenItsAttemptRunsAgain() {
    subscribe(List.of("custom.*"));

    int first = events.emitCustom("default", "line.stopped", Map.of("line", "L2"), "run-1:42");
    int again = events.emitCustom("default", "line.stopped", Map.of("line", "L2"), "run-1:42");
    events.emitCustom("default", "line.stopped", Map.of("line", "L3"), "run-1:43");

    assertThat(first).isEqualTo(1);
    assertThat(again).isEqualTo(1);
    await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> received.size() == 2);
    assertThat(received).extracting(Received::type).containsOnly("custom.line.stopped");
  }

  @Test
  void aSubscriptionToAnEventThatCannotExistIsRefusedNamingIt() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("url", receiverUrl(), "eventTypes", List.of("custom.Stock Low")))
        .post("/api/subscriptions")
        .then()
        .statusCode(400)
        .body("message", containsString("custom.Stock Low"))
        .body("message", containsString("custom.<name>"));
  }

  private String subscribe(List<String> types) {
    var created =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("url", receiverUrl(), "eventTypes", types))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    subscriptions.add(created.getString("subscription.id"));
    return created.getString("secret");
  }

  private String receiverUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  private static String flow(String id, String event, String payload) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://millflow.io/test">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>a</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Notify" name="Tell purchasing">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="webhook.send" retries="3" />
                <zeebe:ioMapping>
                  <zeebe:input source="%s" target="event" />
                  <zeebe:input source="%s" target="payload" />
                </zeebe:ioMapping>
              </bpmn:extensionElements>
              <bpmn:incoming>a</bpmn:incoming><bpmn:outgoing>b</bpmn:outgoing>
            </bpmn:serviceTask>
            <bpmn:endEvent id="End"><bpmn:incoming>b</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="a" sourceRef="Start" targetRef="Notify"/>
            <bpmn:sequenceFlow id="b" sourceRef="Notify" targetRef="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(id, event, payload)
        .strip();
  }
}
