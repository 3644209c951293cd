package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.engine.trigger.WebhookFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A disabled flow starts no new run, by the API or by a trigger, until it is enabled again. */
@QuarkusTest
class FlowDisableApiTest {

  @Test
  void aDisabledFlowRefusesAStartNamingItsStateAndStartsAgainOnceEnabled() {
    FlowTestSupport.deploy(WebhookFlows.empty("disable-me"));

    given()
        .post("/api/flows/disable-me/disable")
        .then()
        .statusCode(200)
        .body("disabledAt", notNullValue());
    given()
        .contentType("application/json")
        .body(Map.of("variables", Map.of()))
        .post("/api/flows/disable-me/runs")
        .then()
        .statusCode(409)
        .body("error", equalTo("flow_disabled"))
        .body("message", containsString("is disabled"));
    assertThat(
            given()
                .get("/api/flows")
                .jsonPath()
                .getString("find { it.id == 'disable-me' }.disabledAt"))
        .isNotBlank();

    given().delete("/api/flows/disable-me/disable").then().statusCode(200);
    FlowTestSupport.awaitRunEnd(FlowTestSupport.startRun("disable-me"));
  }

  @Test
  void aRouteToADisabledFlowStartsNothingAndTheDeliverySaysWhy() {
    FlowTestSupport.deploy(WebhookFlows.empty("disabled-target"));
    JsonPath created =
        given()
            .contentType("application/json")
            .body(
                Map.of(
                    "name",
                    "to-disabled",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "routes",
                    List.of(Map.of("condition", "true", "flowId", "disabled-target"))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String trigger = created.getString("trigger.id");
    given().post("/api/flows/disabled-target/disable").then().statusCode(200);

    byte[] body = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
    given()
        .contentType("application/json")
        .header(
            "X-Signature",
            SignatureVerifier.sign(
                new SignatureScheme.Hmac("X-Signature", "sha256", "hex", ""),
                created.getString("secret"),
                body,
                Instant.now()))
        .body(body)
        .post("/webhooks/{id}", trigger)
        .then()
        .statusCode(200);

    Map<?, ?> event =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> given().get("/api/triggers/{id}/events", trigger).jsonPath().getMap("[0]"),
                e -> e != null && !"pending".equals(e.get("status")));
    assertThat(event.get("status")).isEqualTo("no_match");
    JsonPath detail =
        given().get("/api/triggers/{id}/events/{event}", trigger, event.get("id")).jsonPath();
    assertThat(detail.getBoolean("routes[0].matched")).isTrue();
    assertThat(detail.getString("routes[0].started")).isNull();
    assertThat(detail.getString("routes[0].reason")).contains("'disabled-target' is disabled");
  }

  @Test
  void disablingAnUnknownFlowIs404() {
    given().post("/api/flows/no-such-flow/disable").then().statusCode(404);
    given().delete("/api/flows/no-such-flow/disable").then().statusCode(404);
  }
}
