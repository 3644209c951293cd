package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT /api/subscriptions/{id}/event-types: new event types, the same subscription and secret. */
@QuarkusTest
class SubscriptionEventTypesApiTest {

  @Test
  void replacesTheEventTypesAndKeepsTheUrl() {
    String id = subscribe();

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("eventTypes", List.of("flow.incident", "sync.failed")))
        .put("/api/subscriptions/{id}/event-types", id)
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("url", equalTo("http://127.0.0.1:9/event-types"))
        .body("eventTypes", contains("flow.incident", "sync.failed"));
  }

  @Test
  void anUnknownEventTypeIsA400AndAnUnknownSubscriptionA404() {
    String id = subscribe();

    given()
        .contentType(ContentType.JSON)
        .body(Map.of("eventTypes", List.of("sync.exploded")))
        .put("/api/subscriptions/{id}/event-types", id)
        .then()
        .statusCode(400)
        .body("message", containsString("sync.exploded"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("eventTypes", List.of("sync.failed")))
        .put("/api/subscriptions/{id}/event-types", java.util.UUID.randomUUID().toString())
        .then()
        .statusCode(404);
  }

  private static String subscribe() {
    return given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "url", "http://127.0.0.1:9/event-types", "eventTypes", List.of("sync.completed")))
        .post("/api/subscriptions")
        .then()
        .statusCode(201)
        .extract()
        .path("subscription.id");
  }
}
