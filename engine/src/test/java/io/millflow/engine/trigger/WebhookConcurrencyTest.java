package io.millflow.engine.trigger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Many senders at once, each event sent twice by different senders: the inbox commits them in
 * shared transactions, and every request is still answered 200 (never a 503 from two batches
 * locking each other) with each event stored once.
 */
@QuarkusTest
class WebhookConcurrencyTest {

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");
  private static final int EVENTS = 300;

  @Inject StateStore store;

  @Test
  void concurrentDuplicatesAreAllAnsweredAndEachEventStoredOnce() throws Exception {
    var created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "concurrent",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "eventId",
                    "header:X-Event-Id",
                    "routes",
                    List.of(
                        Map.of("condition", "false", "flowId", "nothing", "deployLater", true))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String trigger = created.getString("trigger.id");
    byte[] body = "{\"kind\":\"test\"}".getBytes(StandardCharsets.UTF_8);
    String signature =
        SignatureVerifier.sign(HMAC, created.getString("secret"), body, Instant.now());
    URI uri = URI.create("http://localhost:" + RestAssured.port + "/webhooks/" + trigger);
    HttpClient http = HttpClient.newHttpClient();

    List<Future<Integer>> answers = new ArrayList<>();
    try (ExecutorService senders = Executors.newFixedThreadPool(32)) {
      for (int i = 0; i < EVENTS * 2; i++) {
        String eventId = "evt-" + (i % EVENTS);
        answers.add(
            senders.submit(
                () ->
                    http.send(
                            HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .header("X-Event-Id", eventId)
                                .header("X-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()));
      }
    }

    for (Future<Integer> answer : answers) {
      assertThat(answer.get()).isEqualTo(200);
    }
    int stored =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select count(*) from webhook_inbox where trigger_id = :t")
                        .bind("t", trigger)
                        .mapTo(Integer.class)
                        .one());
    assertThat(stored).isEqualTo(EVENTS);
  }
}
