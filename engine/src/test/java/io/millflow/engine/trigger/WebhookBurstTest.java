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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 webhooks, 10% of them repeated, in shuffled order, with ordering per machine and
 * two routes: exactly the expected flows start, each once; repeats are answered as duplicates;
 * older events are stale.
 */
@QuarkusTest
class WebhookBurstTest {

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");
  private static final int UNIQUE = 900;
  private static final int REPEATS = 100;
  private static final int MACHINES = 30;

  @Inject StateStore store;

  record Event(String id, String machine, int sequence, String kind) {
    String body() {
      return "{\"machine\":\"" + machine + "\",\"seq\":" + sequence + ",\"kind\":\"" + kind + "\"}";
    }
  }

  @Test
  void startsExactlyTheExpectedFlowsOnce() {
    String suffix =
        Long.toString(
            System.nanoTime(), 36); // the state store outlives a test run: count this run's only
    String orders = FlowTestSupport.deploy(WebhookFlows.empty("burst-orders-" + suffix));
    String downtime = FlowTestSupport.deploy(WebhookFlows.empty("burst-downtime-" + suffix));
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "burst",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "eventId",
                    "header:X-Event-Id",
                    "ordering",
                    Map.of("key", "body.machine", "sequence", "body.seq"),
                    "routes",
                    List.of(
                        Map.of("condition", "body.kind = \"order\"", "flowId", orders),
                        Map.of("condition", "body.kind = \"downtime\"", "flowId", downtime))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String trigger = created.getString("trigger.id");
    String secret = created.getString("secret");
    List<Event> sent = burst(new Random(20261124));

    Map<String, Integer> expected = expectedOutcome(sent);
    int duplicates = 0;
    for (Event event : sent) {
      byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
      boolean duplicate =
          given()
              .contentType("application/json")
              .header("X-Event-Id", event.id())
              .header("X-Signature", SignatureVerifier.sign(HMAC, secret, body, Instant.now()))
              .body(body)
              .post("/webhooks/{id}", trigger)
              .then()
              .statusCode(200)
              .extract()
              .path("duplicate");
      duplicates += duplicate ? 1 : 0;
    }

    assertThat(duplicates).isEqualTo(REPEATS);
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> inboxCount(trigger, "pending") == 0);
    assertThat(inboxCount(trigger, "dispatched"))
        .isEqualTo(expected.get("burst-orders") + expected.get("burst-downtime"));
    assertThat(inboxCount(trigger, "stale")).isEqualTo(expected.get("stale"));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              assertThat(runs(orders)).isEqualTo(expected.get("burst-orders"));
              assertThat(runs(downtime)).isEqualTo(expected.get("burst-downtime"));
            });
  }

  /** 900 events, 30 per machine with sequences 1..30, then 100 of them again, all shuffled. */
  private static List<Event> burst(Random random) {
    List<Event> unique = new ArrayList<>();
    for (int i = 0; i < UNIQUE; i++) {
      int machine = i % MACHINES;
      unique.add(
          new Event(
              "evt-" + i,
              "M" + machine,
              i / MACHINES + 1,
              random.nextBoolean() ? "order" : "downtime"));
    }
    List<Event> sent = new ArrayList<>(unique);
    for (int i = 0; i < REPEATS; i++) {
      sent.add(unique.get(random.nextInt(UNIQUE)));
    }
    Collections.shuffle(sent, random);
    return sent;
  }

  /**
   * In the order sent, an event starts its route's flow only when it is the newest of its machine
   * so far.
   */
  private static Map<String, Integer> expectedOutcome(List<Event> sent) {
    Map<String, Integer> newest = new HashMap<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    Map<String, Integer> outcome =
        new HashMap<>(Map.of("burst-orders", 0, "burst-downtime", 0, "stale", 0));
    for (Event event : sent) {
      if (!seen.add(event.id())) {
        continue;
      }
      if (event.sequence() > newest.getOrDefault(event.machine(), 0)) {
        newest.put(event.machine(), event.sequence());
        outcome.merge(
            event.kind().equals("order") ? "burst-orders" : "burst-downtime", 1, Integer::sum);
      } else {
        outcome.merge("stale", 1, Integer::sum);
      }
    }
    return outcome;
  }

  private int inboxCount(String trigger, String status) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select count(*) from webhook_inbox where trigger_id = :trigger and status = :status")
                    .bind("trigger", trigger)
                    .bind("status", status)
                    .mapTo(Integer.class)
                    .one());
  }

  private int runs(String flow) {
    return store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from flow_run where flow_id = :flow")
                    .bind("flow", flow)
                    .mapTo(Integer.class)
                    .one());
  }
}
