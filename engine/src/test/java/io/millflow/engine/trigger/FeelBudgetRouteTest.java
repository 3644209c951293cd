package io.millflow.engine.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A webhook route whose FEEL runs away is refused when saved when its text shows it, and otherwise
 * given up by its budget: the event is dead after one attempt, while the heap and the API stay as
 * they were.
 */
@QuarkusTest
class FeelBudgetRouteTest {

  private static final String THIRTY_MILLION = "=count(for i in 1..30000000 return i) > 0";

  /**
   * Allowed by its text (loops over a payload list), 400 million steps with the 20,000 numbers
   * sent.
   */
  private static final String NESTED_RUNAWAY =
      "=count(for a in body.xs return count(for b in body.xs return a + b)) > 0";

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");
  private static final Map<String, String> SECRETS = new java.util.concurrent.ConcurrentHashMap<>();

  @Inject StateStore store;

  @Test
  void savingARouteThatLoopsThirtyMillionTimesAnswers400NamingTheField() {
    String trigger = create("true");

    given()
        .contentType("application/json")
        .body(
            Map.of(
                "routes",
                List.of(
                    Map.of(
                        "condition", THIRTY_MILLION, "flowId", "any-flow", "deployLater", true))))
        .put("/api/triggers/{id}/routes", trigger)
        .then()
        .statusCode(400)
        .body(
            "message",
            allOf(containsString("Route 1: the condition"), containsString("30,000,000 items")));
    given()
        .contentType("application/json")
        .body(definition(THIRTY_MILLION))
        .post("/api/triggers")
        .then()
        .statusCode(400)
        .body("message", containsString("Route 1: the condition"));
    Map<String, Object> ordered = definition("true");
    ordered.put(
        "ordering", Map.of("key", "count(for i in 1..body.n return i)", "sequence", "body.seq"));
    given()
        .contentType("application/json")
        .body(ordered)
        .post("/api/triggers")
        .then()
        .statusCode(400)
        .body("message", containsString("The ordering key"));
  }

  @Test
  void aRunawayRouteIsDeadAfterOneAttemptWithoutRaisingTheHeapOrDelayingTheApi() throws Exception {
    String trigger = create(NESTED_RUNAWAY);
    String body =
        IntStream.range(0, 20_000)
            .mapToObj(Integer::toString)
            .collect(Collectors.joining(",", "{\"xs\":[", "]}"));
    var memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    AtomicLong heapPeak = new AtomicLong(heapBefore);
    Thread sampler =
        Thread.ofPlatform()
            .daemon()
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                      Thread.sleep(5);
                    } catch (InterruptedException e) {
                      return;
                    }
                  }
                });

    send(trigger, body, "runaway");
    long slowestMe = 0;
    Map<String, Object> event = Map.of();
    for (long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        System.nanoTime() < deadline; ) {
      long started = System.nanoTime();
      given().get("/api/me").then().statusCode(200);
      slowestMe = Math.max(slowestMe, System.nanoTime() - started);
      event = event(trigger, "runaway");
      if (!"pending".equals(event.get("status"))) {
        break;
      }
    }
    sampler.interrupt();
    System.out.printf(
        "Runaway route: GET /api/me slowest %d ms, heap peak %d MB above the %d MB before%n",
        slowestMe / 1_000_000, (heapPeak.get() - heapBefore) >> 20, heapBefore >> 20);

    assertThat(event).containsEntry("status", "dead").containsEntry("attempts", 1);
    assertThat((String) event.get("lastError"))
        .contains("given up", "replay")
        .containsPattern("ms of CPU|allocated more than");
    assertThat(Duration.ofNanos(slowestMe)).isLessThan(Duration.ofSeconds(1));
    assertThat(heapPeak.get() - heapBefore).isLessThan(400L << 20);
  }

  @Test
  void aTooCostlyRouteStoredBeforeTheCheckIsDeadAfterOneAttempt() {
    String trigger = create("true");
    store
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "update webhook_trigger set routes = cast(:routes as jsonb) where id = :id")
                    .bind(
                        "routes",
                        "[{\"condition\": \"" + THIRTY_MILLION + "\", \"flowId\": \"any-flow\"}]")
                    .bind("id", trigger)
                    .execute());

    send(trigger, "{}", "stored-before");

    Map<String, Object> event =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> event(trigger, "stored-before"),
                e -> e.get("status") != null && !"pending".equals(e.get("status")));
    assertThat(event).containsEntry("status", "dead").containsEntry("attempts", 1);
    assertThat((String) event.get("lastError")).contains("too costly", "30,000,000 items");
  }

  private static Map<String, Object> definition(String condition) {
    Map<String, Object> definition = new HashMap<>();
    definition.put("name", "feel-budget");
    definition.put("signature", Map.of("type", "hmac", "header", "X-Signature"));
    definition.put("eventId", "header:X-Event-Id");
    definition.put(
        "routes",
        List.of(Map.of("condition", condition, "flowId", "feel-budget-flow", "deployLater", true)));
    return definition;
  }

  private static String create(String condition) {
    var created =
        given()
            .contentType("application/json")
            .body(definition(condition))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    SECRETS.put(created.getString("trigger.id"), created.getString("secret"));
    return created.getString("trigger.id");
  }

  private static void send(String trigger, String body, String eventId) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header("X-Event-Id", eventId)
        .header(
            "X-Signature", SignatureVerifier.sign(HMAC, SECRETS.get(trigger), bytes, Instant.now()))
        .body(bytes)
        .post("/webhooks/{id}", trigger)
        .then()
        .statusCode(200);
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
}
