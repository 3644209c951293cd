package io.millflow.engine.observe;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * One trace per run, a span per step attempt under it, and a webhook sender's trace continued into
 * its run.
 */
@QuarkusTest
@TestProfile(TracingTest.SpansInMemory.class)
class TracingTest {

  private static final String FLOW = "plex-po-to-csv";
  private static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("millflow.run_id");

  /** Tracing on, exporting to {@link CollectedSpans}. */
  public static class SpansInMemory implements QuarkusTestProfile {
    @Override
    public Set<Class<?>> getEnabledAlternatives() {
      return Set.of(CollectedSpans.class);
    }
  }

  @Inject CollectedSpans spans;
  @Inject Tracing tracing;

  @Test
  void aThreeStepRunIsOneTraceWithASpanPerAttemptUnderTheRunsSpan() {
    FlowTestSupport.resetSyncState(FLOW);
    String runId = startRun(FLOW);
    assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");
    tracing.flush();

    List<SpanData> ofRun =
        spans.all().stream()
            .filter(span -> runId.equals(span.getAttributes().get(RUN_ID)))
            .toList();
    SpanData run =
        ofRun.stream()
            .filter(span -> span.getName().equals("run " + FLOW))
            .findFirst()
            .orElseThrow();
    List<SpanData> steps =
        ofRun.stream().filter(span -> span.getName().startsWith("step ")).toList();
    assertThat(steps)
        .extracting(SpanData::getName)
        .containsExactlyInAnyOrder(
            "step plex.purchase-orders.read", "step unified.transform", "step file.write");
    assertThat(steps)
        .allSatisfy(
            step -> {
              assertThat(step.getTraceId()).isEqualTo(run.getTraceId());
              assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
              assertThat(step.getAttributes().get(AttributeKey.stringKey("millflow.outcome")))
                  .isEqualTo("completed");
            });
    SpanData read =
        steps.stream()
            .filter(s -> s.getName().equals("step plex.purchase-orders.read"))
            .findFirst()
            .orElseThrow();
    assertThat(read.getAttributes().get(AttributeKey.longKey("millflow.records_out")))
        .isEqualTo(25L);
  }

  @Test
  void aConnectorsHttpCallsAreClientSpansUnderTheStepAttemptThatMadeThem() {
    FlowTestSupport.resetSyncState(FLOW);
    String runId = startRun(FLOW);
    assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");
    tracing.flush();

    SpanData read =
        spans.all().stream()
            .filter(span -> runId.equals(span.getAttributes().get(RUN_ID)))
            .filter(span -> span.getName().equals("step plex.purchase-orders.read"))
            .findFirst()
            .orElseThrow();
    List<SpanData> calls =
        spans.all().stream()
            .filter(span -> read.getSpanId().equals(span.getParentSpanId()))
            .toList();
    assertThat(calls)
        .isNotEmpty()
        .allSatisfy(
            call -> {
              assertThat(call.getName()).isEqualTo("HTTP GET");
              assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
              assertThat(call.getTraceId()).isEqualTo(read.getTraceId());
              assertThat(call.getAttributes().get(AttributeKey.stringKey("http.request.method")))
                  .isEqualTo("GET");
              assertThat(call.getAttributes().get(AttributeKey.stringKey("server.address")))
                  .isNotBlank();
              assertThat(call.getAttributes().get(AttributeKey.stringKey("url.path")))
                  .startsWith("/")
                  .doesNotContain("?");
              assertThat(
                      call.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
                  .isEqualTo(200L);
              assertThat(call.getAttributes().asMap().keySet())
                  .extracting(AttributeKey::getKey)
                  .containsOnly(
                      "http.request.method",
                      "server.address",
                      "server.port",
                      "url.path",
                      "http.response.status_code");
            });
  }

  @Test
  void anEventsDeliveryIsAnHttpSpanUnderTheStepThatEmittedItAndSendsItsTraceparent()
      throws Exception {
    List<String> traceparents = new CopyOnWriteArrayList<>();
    HttpServer subscriber = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    subscriber.createContext(
        "/hook",
        exchange -> {
          traceparents.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    subscriber.start();
    String subscription =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "url",
                    "http://127.0.0.1:" + subscriber.getAddress().getPort() + "/hook",
                    "eventTypes",
                    List.of("custom.traced.sent")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("subscription.id");
    try {
      FlowTestSupport.deploy(sendingFlow("traced-send"));
      String runId = startRun("traced-send");
      assertThat(awaitRunEnd(runId).getString("run.status")).isEqualTo("completed");
      await().atMost(Duration.ofSeconds(30)).until(() -> !traceparents.isEmpty());
      tracing.flush();

      SpanData send =
          spans.all().stream()
              .filter(span -> runId.equals(span.getAttributes().get(RUN_ID)))
              .filter(span -> span.getName().equals("step webhook.send"))
              .findFirst()
              .orElseThrow();
      SpanData delivery =
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () -> {
                    tracing.flush();
                    return spans.all().stream()
                        .filter(span -> send.getSpanId().equals(span.getParentSpanId()))
                        .filter(span -> span.getName().equals("HTTP POST"))
                        .findFirst()
                        .orElse(null);
                  },
                  found -> found != null);
      assertThat(delivery.getTraceId()).isEqualTo(send.getTraceId());
      assertThat(delivery.getAttributes().get(AttributeKey.stringKey("url.path")))
          .isEqualTo("/hook");
      assertThat(traceparents.getFirst())
          .as("the delivery span's context (the flags say sampled)")
          .startsWith("00-" + delivery.getTraceId() + "-" + delivery.getSpanId() + "-");
    } finally {
      given().delete("/api/subscriptions/{id}", subscription);
      subscriber.stop(0);
    }
  }

  private static String sendingFlow(String id) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://millflow.io/test">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>a</bpmn:outgoing></bpmn:startEvent>
            <bpmn:serviceTask id="Notify">
              <bpmn:extensionElements>
                <zeebe:taskDefinition type="webhook.send" retries="3" />
                <zeebe:ioMapping>
                  <zeebe:input source="traced.sent" target="event" />
                  <zeebe:input source="={n: 1}" target="payload" />
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
        .formatted(id)
        .strip();
  }

  @Test
  void aWebhooksTraceparentContinuesIntoTheRunItStarts() {
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "traced",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature", "prefix", "sha256="),
                    "routes",
                    List.of(Map.of("flowId", FLOW))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String traceId =
        "4bf92f3577b34da6a3ce929d0e0e" + String.format("%04x", System.nanoTime() & 0xffff);
    String senderSpan = "00f067aa0ba902b7";
    String body = "{\"sent\":" + System.nanoTime() + "}";
    String signature =
        SignatureVerifier.sign(
            new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "sha256="),
            created.getString("secret"),
            body.getBytes(StandardCharsets.UTF_8),
            Instant.now());

    given()
        .contentType("application/json")
        .header("X-Signature", signature)
        .header("traceparent", "00-" + traceId + "-" + senderSpan + "-01")
        .body(body)
        .post("/webhooks/{id}", created.getString("trigger.id"))
        .then()
        .statusCode(200);

    SpanData run =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> {
                  tracing.flush();
                  return spans.all().stream()
                      .filter(
                          span ->
                              span.getTraceId().equals(traceId)
                                  && span.getName().startsWith("run "))
                      .findFirst()
                      .orElse(null);
                },
                found -> found != null);
    assertThat(run.getParentSpanId()).isEqualTo(senderSpan);
    String runId = run.getAttributes().get(RUN_ID);
    awaitRunEnd(runId);
    tracing.flush();
    assertThat(spans.all())
        .filteredOn(span -> runId.equals(span.getAttributes().get(RUN_ID)))
        .filteredOn(span -> span.getName().startsWith("step "))
        .hasSize(3)
        .allSatisfy(
            step -> {
              assertThat(step.getTraceId()).isEqualTo(traceId);
              assertThat(step.getParentSpanId()).isEqualTo(run.getSpanId());
            });
  }
}
