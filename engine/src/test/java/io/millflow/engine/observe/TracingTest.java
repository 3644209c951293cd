package io.millflow.engine.observe;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
