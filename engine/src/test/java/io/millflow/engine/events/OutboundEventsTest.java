package io.millflow.engine.events;

import static io.millflow.engine.FlowTestSupport.awaitRunEnd;
import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.startRun;
import static io.millflow.engine.FlowTestSupport.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import com.sun.net.httpserver.HttpServer;
import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound events reach subscribers signed, and are delivered again after the subscriber fails. */
@QuarkusTest
class OutboundEventsTest {

  record Received(String signature, String type, byte[] body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();

  /**
   * When set, the first delivery of every event is answered 500 (whatever run it is from: timers
   * may end runs too).
   */
  private volatile boolean failFirstDeliveries;

  private final java.util.Set<String> failedOnce =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private HttpServer receiver;
  private String subscription;
  private String secret;

  @BeforeEach
  void startReceiverAndSubscribe() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          String eventId = exchange.getRequestHeaders().getFirst("X-Millflow-Event-Id");
          int status = failFirstDeliveries && failedOnce.add(eventId) ? 500 : 200;
          if (status == 200) {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("X-Millflow-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Millflow-Event-Type"),
                    body));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "url",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "eventTypes",
                    List.of("sync.completed", "flow.incident", "connection.reauth_required")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    subscription = created.getString("subscription.id");
    secret = created.getString("secret");
  }

  @AfterEach
  void unsubscribe() {
    given().delete("/api/subscriptions/{id}", subscription).then().statusCode(204);
    receiver.stop(0);
    for (Received event : received) {
      String body = new String(event.body(), StandardCharsets.UTF_8);
      assertThat(EventSchemas.problems(body)).as("schema problems of %s", body).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCompletedSyncIsDeliveredSignedAfterTheSubscriberRecoversFromA500() {
    failFirstDeliveries = true;
    FlowTestSupport.resetSyncState("plex-po-to-postgres");
    String runId = startRun("plex-po-to-postgres");
    awaitRunEnd(runId);

    Received event =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    received.stream()
                        .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(runId))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();
    assertThat(event.type()).isEqualTo("sync.completed");
    assertThat(
            SignatureVerifier.verifies(
                new SignatureScheme.Timestamped("X-Millflow-Signature", 300),
                List.of(secret),
                event.body(),
                name -> event.signature(),
                Instant.now()))
        .isTrue();
    assertThat(new String(event.body(), StandardCharsets.UTF_8))
        .contains("\"type\": \"sync.completed\"", "plex-po-to-postgres");
    List<Map<String, Object>> deliveries =
        given()
            .get("/api/subscriptions/{id}/deliveries", subscription)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("$");
    assertThat(deliveries)
        .anySatisfy(
            d -> {
              assertThat(d).containsEntry("status", "delivered").containsEntry("attempts", 2);
              assertThat(d).containsKeys("eventId", "createdAt", "deliveredAt", "lastError");
              assertThat((String) d.get("deliveredAt")).endsWith("Z");
              List<Map<String, Object>> history = (List<Map<String, Object>>) d.get("history");
              assertThat(history).extracting(t -> t.get("attempt")).containsExactly(1, 2);
              assertThat(history).extracting(t -> t.get("statusCode")).containsExactly(500, 200);
              assertThat((String) history.getFirst().get("at")).endsWith("Z");
            });
  }

  @Test
  void anIncidentIsDeliveredWithItsErrorAndTheTasksName() {
    String flow =
        deploy(
            variant(
                "po-incident-event",
                "<zeebe:input source=\"warehouse\" target=\"connection\" />",
                "<zeebe:input source=\"no-such-warehouse\" target=\"connection\" />"));
    String runId = startRun(flow);
    awaitRunEnd(runId);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                received.stream()
                    .anyMatch(
                        r ->
                            r.type().equals("flow.incident")
                                && new String(r.body(), StandardCharsets.UTF_8).contains(runId)
                                && new String(r.body(), StandardCharsets.UTF_8)
                                    .contains("CONNECTION_NOT_FOUND")
                                && elementName(r).equals("Write to PostgreSQL")));
  }

  private static String elementName(Received event) {
    try {
      return io.millflow.step.Json.mapper().readTree(event.body()).at("/data/elementName").asText();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSubscriberUrlMustBeHttpsUnlessOnLoopback() {
    given()
        .contentType("application/json")
        .body(Map.of("url", "http://example.com/hook", "eventTypes", List.of("sync.completed")))
        .post("/api/subscriptions")
        .then()
        .statusCode(400)
        .body("message", containsString("https"));
    given()
        .contentType("application/json")
        .body(Map.of("url", "https://example.com/hook", "eventTypes", List.of("sync.done")))
        .post("/api/subscriptions")
        .then()
        .statusCode(400)
        .body("message", containsString("eventTypes"));
  }
}
