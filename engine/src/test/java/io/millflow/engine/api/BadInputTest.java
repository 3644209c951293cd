package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes a body, given malformed JSON, the wrong types, unknown fields, an
 * oversized or too deeply nested body, and every endpoint with a name in its path given a
 * path-traversal name: each answers 4xx with a message that says what is wrong, never 500, and
 * nothing stored changes.
 */
@QuarkusTest
class BadInputTest {

  private static final List<String> JSON_ENDPOINTS =
      List.of(
          "POST /api/flows/plex-po-to-csv/runs",
          "PUT /api/connections/bad-input-connection",
          "POST /api/connections/test",
          "POST /api/subscriptions",
          "POST /api/triggers",
          "POST /api/tokens",
          "PUT /api/secrets/bad-input-secret",
          "PUT /api/triggers/no-such-trigger/routes");

  /** Runs are left out: the shipped flows' timers may start one at any time. */
  private static final List<String> TABLES =
      List.of(
          "flow",
          "connection",
          "webhook_trigger",
          "event_subscription",
          "api_token",
          "flow_secret");

  @Inject StateStore store;

  @Test
  void malformedJsonIsA400SayingWhereTheJsonBreaks() {
    assertEveryJsonEndpoint(
        "{\"name\": ",
        answer -> answer.statusCode() == 400 && answer.asString().contains("not valid JSON"));
  }

  @Test
  void aListInsteadOfAnObjectIsA400NamingTheExpectedType() {
    assertEveryJsonEndpoint(
        "[1, 2]", answer -> answer.statusCode() == 400 && answer.asString().contains("wrong type"));
  }

  @Test
  void anUnknownFieldIsA400NamingTheField() {
    assertEveryJsonEndpoint(
        "{\"colour\": \"blue\"}",
        answer ->
            answer.statusCode() == 400
                && answer.asString().contains("colour")
                && "colour".equals(answer.jsonPath().getString("field")));
  }

  @Test
  void aNumberWhereTextBelongsIsA400NamingTheField() {
    given()
        .contentType("application/json")
        .body(Map.of("name", 42, "role", "viewer"))
        .post("/api/tokens")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("'name'"));
  }

  @Test
  void anUnknownSignatureKindIsA400ListingTheKindsAndNoJavaName() {
    Response answer =
        given()
            .contentType("application/json")
            .body(
                """
                {"name":"bad-signature","signature":{"type":"rsa","header":"X-Signature"},
                 "routes":[{"flowId":"plex-po-to-csv"}]}""")
            .post("/api/triggers");
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.jsonPath().getString("message"))
        .isEqualTo(
            "Invalid trigger: Field 'signature.type' has an unknown value 'rsa': use one of hmac,"
                + " makini, timestamped");
    assertThat(answer.jsonPath().getString("field")).isEqualTo("signature.type");
    assertThat(answer.asString()).doesNotContain("io.millflow").doesNotContain("SignatureScheme");
  }

  @Test
  void tooDeeplyNestedJsonIsA400() {
    Map<String, Long> before = counts();
    String deep = "{\"a\": ".repeat(100) + "1" + "}".repeat(100);
    given()
        .contentType("application/json")
        .body("{\"variables\": " + deep + "}")
        .post("/api/flows/plex-po-to-csv/runs")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("deeper than"));
    given()
        .contentType("application/json")
        .body(deep)
        .post("/api/triggers")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("deeper than"));
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void anOversizedBodyIsA413BeforeItIsRead() throws Exception {
    for (String endpoint : JSON_ENDPOINTS) {
      String[] call = endpoint.split(" ", 2);
      assertThat(statusLineFor(call[0], call[1], 11L * 1024 * 1024)).as(endpoint).contains(" 413 ");
    }
  }

  /**
   * Announces a body of {@code length} bytes and sends none: the limit must answer from the headers
   * alone.
   */
  private static String statusLineFor(String method, String path, long length) throws Exception {
    try (java.net.Socket socket =
        new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
      socket.setSoTimeout(10_000);
      String request =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Authorization: Bearer "
              + io.millflow.engine.TestApiToken.ADMIN
              + "\r\nContent-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new java.io.BufferedReader(
              new java.io.InputStreamReader(
                  socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  @Test
  void aNameWithPathTraversalIsRefusedOrUnknown() {
    Map<String, Long> before = counts();
    List<String> wrong = new ArrayList<>();
    for (String path :
        List.of(
            "/api/connections/..%2F..%2Fetc%2Fpasswd",
            "/api/connections/..",
            "/api/flows/..%2F..%2Fetc%2Fpasswd/bpmn",
            "/api/triggers/..%2Fx/events",
            "/api/runs/..%2F..")) {
      int status = given().urlEncodingEnabled(false).get(path).statusCode();
      if (status < 400 || status >= 500) {
        wrong.add("GET " + path + " answered " + status);
      }
    }
    int put =
        given()
            .urlEncodingEnabled(false)
            .contentType("application/json")
            .body(Map.of("type", "file", "settings", Map.of("baseDirectory", "traversal")))
            .put("/api/connections/..%2F..%2Fetc")
            .statusCode();
    if (put < 400 || put >= 500) {
      wrong.add("PUT a traversal name answered " + put);
    }
    assertThat(wrong).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void invalidBpmnIsA400AndDeploysNothing() {
    Map<String, Long> before = counts();
    given()
        .contentType("application/xml")
        .body("<bpmn:definitions")
        .post("/api/flows")
        .then()
        .statusCode(400);
    given()
        .contentType("application/xml")
        .body("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
        .post("/api/flows")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("root:")));
    assertThat(counts()).isEqualTo(before);
  }

  private void assertEveryJsonEndpoint(String body, Predicate<Response> expected) {
    Map<String, Long> before = counts();
    List<String> wrong = new ArrayList<>();
    for (String endpoint : JSON_ENDPOINTS) {
      String[] call = endpoint.split(" ", 2);
      Response answer =
          given().contentType("application/json").body(body).request(call[0], call[1]);
      if (!expected.test(answer)) {
        wrong.add(
            endpoint + " answered " + answer.statusCode() + ": " + abbreviated(answer.asString()));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(counts()).isEqualTo(before);
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    store
        .jdbi()
        .useHandle(
            h ->
                TABLES.forEach(
                    table ->
                        counts.put(
                            table,
                            h.createQuery("select count(*) from " + table)
                                .mapTo(Long.class)
                                .one())));
    return counts;
  }

  private static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
