package io.millflow.engine.access;

import static io.millflow.engine.access.TestTokens.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.FlowTestSupport;
import io.millflow.engine.store.StateStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who did what, when: the API's changes, starts, retries and credential reads are in the audit log,
 * for admins only.
 */
@QuarkusTest
class AuditLogTest {

  @Inject StateStore store;

  @Test
  void recordsChangesStartsAndCredentialReadsWithTheTokenThatMadeThem() {
    String since = Instant.now().minusSeconds(1).toString();
    String designer = TestTokens.create("designer", null);
    String connection = "audited-files-" + System.nanoTime();
    as(designer)
        .contentType(ContentType.JSON)
        .body(Map.of("type", "file", "settings", Map.of("baseDirectory", "audit-files")))
        .put("/api/connections/" + connection)
        .then()
        .statusCode(201);
    as(designer).get("/api/connections/" + connection).then().statusCode(200);
    as(designer).delete("/api/connections/" + connection).then().statusCode(204);
    as(designer)
        .contentType("application/xml")
        .body(io.millflow.engine.trigger.WebhookFlows.empty("audited-flow"))
        .post("/api/flows")
        .then()
        .statusCode(201);
    String runId = FlowTestSupport.startRun("audited-flow");

    List<Map<String, Object>> entries = audit(Map.of("since", since));

    assertThat(entries)
        .extracting(e -> e.get("action") + " " + e.get("resource") + " " + e.get("outcome"))
        .contains(
            "connection.save /api/connections/" + connection + " 201",
            "connection.read /api/connections/" + connection + " 200",
            "connection.delete /api/connections/" + connection + " 204",
            "flow.deploy /api/flows 201",
            "run.start /api/flows/audited-flow/runs 201");
    String designerName = as(designer).get("/api/me").then().extract().path("token");
    assertThat(entries)
        .filteredOn(e -> "connection.save".equals(e.get("action")))
        .extracting(e -> e.get("tokenName"))
        .containsExactly(designerName);
    assertThat(runId).isNotBlank();
  }

  @Test
  void recordsARefusedAttemptWithTheTokenThatTriedIt() {
    String since = Instant.now().minusSeconds(1).toString();
    String viewer = TestTokens.create("viewer", null);
    as(viewer).delete("/api/connections/warehouse").then().statusCode(403);

    assertThat(audit(Map.of("since", since, "action", "connection.delete")))
        .extracting(e -> e.get("resource") + " " + e.get("outcome"))
        .contains("/api/connections/warehouse 403");
  }

  @Test
  void onlyAdminsReadIt() {
    as(TestTokens.create("designer", null)).get("/api/audit").then().statusCode(403);
  }

  @Test
  void theStoredLogCannotBeChangedOrDeleted() {
    assertThatThrownBy(
            () -> store.jdbi().useHandle(h -> h.execute("update audit_log set action = 'nothing'")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> store.jdbi().useHandle(h -> h.execute("delete from audit_log")))
        .hasMessageContaining("append-only");
  }

  private static List<Map<String, Object>> audit(Map<String, String> query) {
    JsonPath page =
        given().queryParams(query).get("/api/audit").then().statusCode(200).extract().jsonPath();
    return page.getList("$");
  }
}
