package io.millflow.engine.api;

import static io.millflow.engine.access.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.access.TestTokens;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.engine.trigger.WebhookFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /api/triggers/{id}}: a trigger's signature, event id, limits and routes changed in
 * place, with the create's body and checks; its id, URL and secret stay.
 */
@QuarkusTest
class TriggerUpdateApiTest {

  private static final String FLOW = "trigger-update-target";

  @BeforeEach
  void aFlowToRouteTo() {
    FlowTestSupport.deploy(WebhookFlows.empty(FLOW));
  }

  @Test
  void changesTheSignatureEventIdAndLimitsKeepingIdUrlAndSecret() {
    JsonPath created = create("hmac-then-timestamped");
    String id = created.getString("trigger.id");
    String secret = created.getString("secret");

    JsonPath updated =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "hmac-then-timestamped",
                    "signature",
                    Map.of("type", "timestamped", "header", "X-Stamp", "toleranceSeconds", 120),
                    "eventId",
                    "pointer:/id",
                    "maxBodyBytes",
                    256,
                    "routes",
                    List.of(Map.of("flowId", FLOW))))
            .put("/api/triggers/{id}", id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(updated.getString("id")).isEqualTo(id);
    assertThat(updated.getString("url")).isEqualTo(created.getString("trigger.url"));
    assertThat(updated.getString("createdAt")).isEqualTo(created.getString("trigger.createdAt"));
    assertThat(updated.getMap("signature"))
        .containsEntry("type", "timestamped")
        .containsEntry("header", "X-Stamp")
        .containsEntry("toleranceSeconds", 120);
    assertThat(updated.getString("eventId")).isEqualTo("pointer:/id");
    assertThat(updated.getInt("maxBodyBytes")).isEqualTo(256);
    assertThat(updated.getString("secret")).isNull();
    byte[] body = "{\"id\": \"evt-after-update\"}".getBytes(StandardCharsets.UTF_8);
    var timestamped = new SignatureScheme.Timestamped("X-Stamp", 120);
    post(id, "X-Stamp", SignatureVerifier.sign(timestamped, secret, body, Instant.now()), body)
        .statusCode(200)
        .body("eventId", equalTo("evt-after-update"));
    var hmac = new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");
    post(id, "X-Signature", SignatureVerifier.sign(hmac, secret, body, Instant.now()), body)
        .statusCode(401);
    byte[] big = ("{\"id\": \"evt-big\", \"pad\": \"" + "x".repeat(300) + "\"}").getBytes();
    post(id, "X-Stamp", SignatureVerifier.sign(timestamped, secret, big, Instant.now()), big)
        .statusCode(413);
  }

  @Test
  void refusesABodyTheCreateWouldRefuseNamingTheFieldAndChangesNothing() {
    String id = create("strict-update").getString("trigger.id");

    update(id, Map.of("name", "strict-update", "secret", "mine", "routes", routes()))
        .statusCode(400)
        .body("field", equalTo("secret"))
        .body("message", containsString("unknown field 'secret'"));
    update(
            id,
            Map.of(
                "name",
                "strict-update",
                "signature",
                Map.of("type", "timestamped", "toleranceSeconds", "soon"),
                "routes",
                routes()))
        .statusCode(400)
        .body("field", equalTo("signature.toleranceSeconds"));
    update(id, Map.of("name", "strict-update", "maxBodyBytes", 0, "routes", routes()))
        .statusCode(400)
        .body("message", containsString("maxBodyBytes must be between 1 and 10485760"));
    update(
            id,
            Map.of(
                "name", "strict-update", "routes", List.of(Map.of("flowId", "no-such-flow-here"))))
        .statusCode(400)
        .body("field", equalTo("routes[0].flowId"));
    update("no-such-trigger", Map.of("name", "x", "routes", routes())).statusCode(404);

    Map<String, Object> stored =
        given()
            .get("/api/triggers")
            .then()
            .extract()
            .jsonPath()
            .getMap("find { it.id == '" + id + "' }");
    assertThat(stored)
        .containsEntry("maxBodyBytes", 1_048_576)
        .containsEntry("eventId", "header:X-Event-Id");
    assertThat(String.valueOf(stored.get("signature"))).contains("type=hmac");
  }

  @Test
  void designersChangeTriggersOperatorsCannotAndEachChangeIsAudited() {
    String id = create("audited-update").getString("trigger.id");
    Map<String, Object> limits =
        Map.of("name", "audited-update", "maxBodyBytes", 2048, "routes", routes());
    String since = Instant.now().minusSeconds(1).toString();

    as(TestTokens.create("operator", null))
        .contentType(ContentType.JSON)
        .body(limits)
        .put("/api/triggers/{id}", id)
        .then()
        .statusCode(403);
    as(TestTokens.create("designer", null))
        .contentType(ContentType.JSON)
        .body(limits)
        .put("/api/triggers/{id}", id)
        .then()
        .statusCode(200)
        .body("maxBodyBytes", equalTo(2048))
        .body("pausedAt", nullValue());

    List<Object> audited =
        given()
            .queryParams(Map.of("since", since, "action", "trigger.update"))
            .get("/api/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.resource == '/api/triggers/" + id + "' }.outcome");
    assertThat(audited).extracting(String::valueOf).containsExactlyInAnyOrder("403", "200");
  }

  private static List<Map<String, Object>> routes() {
    return List.of(Map.of("flowId", FLOW));
  }

  private static JsonPath create(String name) {
    return HmacTriggers.create(name, routes());
  }

  private static io.restassured.response.ValidatableResponse update(
      String id, Map<String, Object> body) {
    return given().contentType(ContentType.JSON).body(body).put("/api/triggers/{id}", id).then();
  }

  private static io.restassured.response.ValidatableResponse post(
      String id, String header, String signature, byte[] body) {
    return given()
        .contentType(ContentType.JSON)
        .header(header, signature)
        .body(body)
        .post("/webhooks/{id}", id)
        .then();
  }
}
