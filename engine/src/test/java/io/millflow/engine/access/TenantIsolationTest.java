package io.millflow.engine.access;

import static io.millflow.engine.access.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.engine.trigger.WebhookFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two tenants on one runtime: each sees and touches only its own flows, runs, connections,
 * triggers, subscriptions and tokens; every endpoint given the other tenant's ids answers 404; a
 * flow id both use runs each tenant's own BPMN with each tenant's own connections.
 */
@QuarkusTest
class TenantIsolationTest {

  private static final String SHARED_FLOW = "tenant-shared-flow";
  private static String acme;
  private static String defaultRun;
  private static String defaultTrigger;
  private static String defaultEvent;
  private static String defaultSubscription;
  private static String defaultToken;

  @BeforeEach
  void twoTenants() {
    if (acme != null) {
      return;
    }
    acme = TestTokens.create("admin", "acme");
    FlowTestSupport.deploy(
        FlowTestSupport.variant(SHARED_FLOW, "plex-po-to-postgres", "plex-po-to-postgres"));
    defaultRun = FlowTestSupport.startRun("plex-po-to-csv");
    JsonPath trigger =
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "isolation",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "routes",
                    List.of(Map.of("condition", "true", "flowId", "plex-po-to-csv"))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    defaultTrigger = trigger.getString("trigger.id");
    defaultEvent = java.util.UUID.randomUUID().toString();
    defaultSubscription =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("sync.completed")))
            .post("/api/subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .path("subscription.id");
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", "default-tenant-secret"))
        .put("/api/secrets/isolation-secret")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    defaultToken =
        given()
            .contentType(ContentType.JSON)
            .body(Map.of("name", "isolation-viewer", "role", "viewer"))
            .post("/api/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token.id");
  }

  @Test
  void everyEndpointGivenAnotherTenantsIdsAnswers404() {
    Map<String, String> calls = new java.util.LinkedHashMap<>();
    calls.put("GET /api/runs/" + defaultRun, null);
    calls.put("GET /api/runs/" + defaultRun + "/datasets", null);
    calls.put("GET /api/runs/" + defaultRun + "/datasets/" + defaultRun, null);
    calls.put("GET /api/runs/" + defaultRun + "/datasets/" + defaultRun + "/download", null);
    calls.put("POST /api/runs/" + defaultRun + "/datasets/" + defaultRun + "/download-link", null);
    calls.put("GET /api/runs/" + defaultRun + "/variables", null);
    calls.put("POST /api/runs/" + defaultRun + "/retry", null);
    calls.put("POST /api/runs/" + defaultRun + "/cancel", null);
    calls.put("GET /api/flows/plex-po-to-csv/bpmn", null);
    calls.put("POST /api/flows/plex-po-to-csv/runs", "{}");
    calls.put("GET /api/flows/plex-po-to-csv/sync-state", null);
    calls.put("GET /api/flows/plex-po-to-csv/versions", null);
    calls.put("GET /api/flows/plex-po-to-csv/versions/1/bpmn", null);
    calls.put(
        "PUT /api/triggers/" + defaultTrigger + "/routes",
        "{\"routes\": [{\"condition\": \"true\", \"flowId\": \"plex-po-to-csv\"}]}");
    calls.put("DELETE /api/flows/plex-po-to-csv/sync-state", null);
    calls.put("GET /api/connections/warehouse", null);
    calls.put("DELETE /api/connections/warehouse", null);
    calls.put("POST /api/connections/warehouse/test", null);
    calls.put("GET /api/connections/warehouse/status", null);
    calls.put("POST /api/triggers/" + defaultTrigger + "/rotate-secret", null);
    calls.put("GET /api/triggers/" + defaultTrigger + "/events", null);
    calls.put("POST /api/triggers/" + defaultTrigger + "/events/" + defaultEvent + "/replay", null);
    calls.put("DELETE /api/subscriptions/" + defaultSubscription, null);
    calls.put("GET /api/subscriptions/" + defaultSubscription + "/deliveries", null);
    calls.put("DELETE /api/tokens/" + defaultToken, null);
    calls.put("DELETE /api/secrets/isolation-secret", null);
    calls.put("GET /api/connections/warehouse/checks", null);
    calls.put("GET /api/connections/warehouse/flows", null);
    calls.put("GET /api/triggers/" + defaultTrigger + "/events/" + defaultEvent, null);
    calls.put("GET /api/triggers/" + defaultTrigger + "/rejections", null);
    calls.put("POST /api/flows/plex-po-to-csv/disable", null);
    calls.put("DELETE /api/flows/plex-po-to-csv/disable", null);
    calls.put("DELETE /api/flows/plex-po-to-csv", null);
    calls.put("DELETE /api/triggers/" + defaultTrigger, null);
    List<String> leaks = new ArrayList<>();
    calls.forEach(
        (call, body) -> {
          String[] parts = call.split(" ", 2);
          var request = as(acme);
          if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
          }
          int status = request.request(parts[0], parts[1]).statusCode();
          if (status != 404) {
            leaks.add(call + " answered " + status);
          }
        });
    assertThat(leaks).isEmpty();
  }

  @Test
  void listsShowOnlyTheTenantsOwnResources() {
    assertThat(as(acme).get("/api/flows").then().statusCode(200).extract().jsonPath().getList("id"))
        .doesNotContain("plex-po-to-csv", "plex-po-to-postgres");
    assertThat(as(acme).get("/api/runs").then().statusCode(200).extract().jsonPath().getList("id"))
        .doesNotContain(defaultRun);
    assertThat(
            as(acme)
                .get("/api/connections")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name"))
        .isEmpty();
    assertThat(
            as(acme).get("/api/triggers").then().statusCode(200).extract().jsonPath().getList("id"))
        .doesNotContain(defaultTrigger);
    assertThat(
            as(acme)
                .get("/api/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id"))
        .doesNotContain(defaultSubscription);
    assertThat(
            as(acme)
                .get("/api/secrets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("name"))
        .doesNotContain("isolation-secret");
    assertThat(
            as(acme)
                .get("/api/tokens")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("tenantId"))
        .containsOnly("acme");
    assertThat(
            as(acme)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("resource", String.class))
        .noneMatch(resource -> resource.contains(defaultTrigger));
  }

  @Test
  void aFlowIdBothTenantsUseRunsEachTenantsOwnFlowWithItsOwnConnections() {
    as(acme)
        .contentType("application/xml")
        .body(FlowTestSupport.variant(SHARED_FLOW, "plex-po-to-postgres", "plex-po-to-postgres"))
        .post("/api/flows")
        .then()
        .statusCode(201);
    String acmeRun =
        as(acme)
            .contentType(ContentType.JSON)
            .body(Map.of("variables", Map.of()))
            .post("/api/flows/{id}/runs", SHARED_FLOW)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    JsonPath run =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    as(acme)
                        .get("/api/runs/{id}", acmeRun)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath(),
                detail -> Set.of("completed", "incident").contains(detail.getString("run.status")));

    // acme has no connection named plex-sandbox: the installation's sandbox connections are not
    // acme's to use
    assertThat(run.getString("run.status")).isEqualTo("incident");
    assertThat(run.getString("run.error")).contains("No connection named 'plex-sandbox'");
    given().get("/api/runs/{id}", acmeRun).then().statusCode(404);
  }

  @Test
  void aMessageAnotherTenantsTriggerPublishesStartsOnlyThatTenantsFlows() {
    String flow = "tenant-message-flow-" + System.nanoTime();
    String message = "tenant-alert-" + System.nanoTime();
    FlowTestSupport.deploy(WebhookFlows.messageStart(flow, message));
    as(acme)
        .contentType("application/xml")
        .body(WebhookFlows.messageStart(flow, message))
        .post("/api/flows")
        .then()
        .statusCode(201);
    JsonPath trigger =
        as(acme)
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "name",
                    "acme-alerts",
                    "signature",
                    Map.of("type", "hmac", "header", "X-Signature"),
                    "eventId",
                    "header:X-Event-Id",
                    "routes",
                    List.of(
                        Map.of(
                            "message", Map.of("name", message, "correlationKey", "body.machine")))))
            .post("/api/triggers")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    byte[] body = "{\"machine\":\"M1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    given()
        .contentType(ContentType.JSON)
        .header("X-Event-Id", "alert-" + System.nanoTime())
        .header(
            "X-Signature",
            SignatureVerifier.sign(
                new SignatureScheme.Hmac("X-Signature", "sha256", "hex", ""),
                trigger.getString("secret"),
                body,
                java.time.Instant.now()))
        .body(body)
        .post("/webhooks/{id}", trigger.getString("trigger.id"))
        .then()
        .statusCode(200);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                as(acme)
                        .get("/api/runs?flow=" + flow)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("$")
                        .size()
                    == 1);
    assertThat(
            given()
                .get("/api/runs?flow=" + flow)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$"))
        .isEmpty();
  }

  @Test
  void anAdminOfAnotherTenantCannotCreateTokensForATenantNotItsOwn() {
    as(acme)
        .contentType(ContentType.JSON)
        .body(Map.of("name", "sneaky", "role", "admin", "tenant", "default"))
        .post("/api/tokens")
        .then()
        .statusCode(403);
  }
}
