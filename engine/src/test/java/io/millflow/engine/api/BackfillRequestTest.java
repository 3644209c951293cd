package io.millflow.engine.api;

import static io.millflow.engine.FlowTestSupport.deploy;
import static io.millflow.engine.FlowTestSupport.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.millflow.engine.trigger.WebhookFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a backfill or refresh refuses, and why: each refusal names the field or the task to change.
 */
@QuarkusTest
class BackfillRequestTest {

  private static final String FLOW = "plex-po-to-postgres";
  private static final String JANUARY_FROM = "2025-01-01T00:00:00Z";
  private static final String JANUARY_TO = "2025-02-01T00:00:00Z";

  @Test
  void refusesAMissingBoundNamingIt() {
    backfill(FLOW, Map.of("to", JANUARY_TO))
        .statusCode(400)
        .body("message", containsString("Field 'from' is missing"));
    backfill(FLOW, Map.of("from", JANUARY_FROM))
        .statusCode(400)
        .body("message", containsString("Field 'to' is missing"));
    given()
        .contentType(ContentType.JSON)
        .post("/api/flows/{id}/backfill", FLOW)
        .then()
        .statusCode(400)
        .body("message", containsString("Field 'from' is missing"));
  }

  @Test
  void refusesABoundThatIsNoIsoInstant() {
    backfill(FLOW, Map.of("from", "last monday", "to", JANUARY_TO))
        .statusCode(400)
        .body("message", containsString("Field 'from' must be an ISO-8601 instant"));
  }

  @Test
  void refusesAFromAfterTheTo() {
    backfill(FLOW, Map.of("from", JANUARY_TO, "to", JANUARY_FROM))
        .statusCode(400)
        .body("message", containsString("Field 'from' (2025-02-01T00:00:00Z) must be before 'to'"));
  }

  @Test
  void refusesAToInTheFuture() {
    backfill(FLOW, Map.of("from", JANUARY_FROM, "to", Instant.now().plusSeconds(3_600).toString()))
        .statusCode(400)
        .body("message", allOf(containsString("Field 'to'"), containsString("is in the future")));
  }

  @Test
  void refusesAFlowWithoutAnIncrementalSource() {
    String flow = deploy(WebhookFlows.empty("backfill-nothing-to-read"));

    backfill(flow, Map.of("from", JANUARY_FROM, "to", JANUARY_TO))
        .statusCode(400)
        .body(
            "message", containsString("Flow 'backfill-nothing-to-read' has no incremental source"));
    given()
        .post("/api/flows/{id}/refresh", flow)
        .then()
        .statusCode(400)
        .body("message", containsString("has no incremental source"));
  }

  @Test
  void refusesAFlowWhoseSourceCannotStopAtTheWindowsEndNamingTheTask() {
    String flow =
        deploy(
            variant(
                "backfill-unbounded-source",
                "type=\"plex.purchase-orders.read\"",
                "type=\"plex.records.read\""));

    backfill(flow, Map.of("from", JANUARY_FROM, "to", JANUARY_TO))
        .statusCode(400)
        .body(
            "message",
            allOf(
                containsString(
                    "Task 'ReadOrders' (plex.records.read) has no upper bound for its"
                        + " cursor 'modifiedSince'"),
                containsString("POST /api/flows/backfill-unbounded-source/refresh")));
  }

  @Test
  void answersAnUnknownFlowWith404() {
    backfill("no-such-flow", Map.of("from", JANUARY_FROM, "to", JANUARY_TO)).statusCode(404);
    given().post("/api/flows/{id}/refresh", "no-such-flow").then().statusCode(404);
  }

  @Test
  void auditsEveryBackfillAndRefreshAskedFor() {
    String since = Instant.now().minusSeconds(1).toString();
    backfill("no-such-flow", Map.of("from", JANUARY_FROM, "to", JANUARY_TO)).statusCode(404);
    given().post("/api/flows/{id}/refresh", "no-such-flow").then().statusCode(404);

    List<String> entries =
        given()
            .queryParams(Map.of("since", since))
            .get("/api/audit")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList(
                "findAll { it.resource.startsWith('/api/flows/no-such-flow/') }"
                    + ".collect { it.action + ' ' + it.outcome }",
                String.class);
    assertThat(entries).contains("flow.backfill 404", "flow.refresh 404");
  }

  private static ValidatableResponse backfill(String flow, Map<String, String> body) {
    return given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/flows/{id}/backfill", flow)
        .then();
  }
}
