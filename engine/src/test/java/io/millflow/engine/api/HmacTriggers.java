package io.millflow.engine.api;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;

/**
 * Webhook triggers the API tests create: HMAC-SHA256 in {@code X-Signature}, the event id from
 * {@code X-Event-Id}. The answer holds {@code trigger} and its {@code secret}.
 */
final class HmacTriggers {

  private HmacTriggers() {}

  static JsonPath create(String name, List<Map<String, Object>> routes) {
    return given()
        .contentType("application/json")
        .body(
            Map.of(
                "name",
                name,
                "signature",
                Map.of("type", "hmac", "header", "X-Signature"),
                "eventId",
                "header:X-Event-Id",
                "routes",
                routes))
        .post("/api/triggers")
        .then()
        .statusCode(201)
        .extract()
        .jsonPath();
  }
}
