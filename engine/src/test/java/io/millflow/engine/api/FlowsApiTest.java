package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.millflow.engine.flow.BundledFlows;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FlowsApiTest {

  @Test
  void listsTheBundledFlow() {
    given()
        .get("/api/flows")
        .then()
        .statusCode(200)
        .body("id", hasItem("plex-po-to-postgres"))
        .body("find { it.id == 'plex-po-to-postgres' }.origin", equalTo("bundled"));
  }

  @Test
  void givesBackTheBpmnAsDrawnWithoutTheListenerMillflowAdds() {
    given()
        .get("/api/flows/plex-po-to-postgres/bpmn")
        .then()
        .statusCode(200)
        .body(containsString("plex.purchase-orders.read"))
        .body(org.hamcrest.Matchers.not(containsString("millflow.run-end")));
  }

  @Test
  void rejectsXmlThatIsNotBpmn() {
    given()
        .contentType("application/xml")
        .body("<definitions><oops></definitions>")
        .when()
        .post("/api/flows")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_flow"))
        .body("message", containsString("could not be parsed"));
  }

  @Test
  void rejectsAnUnknownStepTypeNamingTheElement() {
    String bpmn =
        BundledFlows.load()
            .getFirst()
            .replace("id=\"plex-po-to-postgres\"", "id=\"unknown-step-flow\"")
            .replace("type=\"unified.transform\"", "type=\"unified.transfrom\"");

    given()
        .contentType("application/xml")
        .body(bpmn)
        .when()
        .post("/api/flows")
        .then()
        .statusCode(400)
        .body("problems[0].elementId", equalTo("ToUnified"))
        .body("problems[0].reason", containsString("Unknown step type 'unified.transfrom'"));
  }

  @Test
  void deploysANewVersionOnlyWhenTheBpmnChanged() {
    String flowId = "versioned-flow-" + java.util.UUID.randomUUID();
    String bpmn =
        BundledFlows.load()
            .getFirst()
            .replace("id=\"plex-po-to-postgres\"", "id=\"" + flowId + "\"");
    given()
        .contentType("application/xml")
        .body(bpmn)
        .post("/api/flows")
        .then()
        .statusCode(201)
        .body("version", equalTo(1));
    given()
        .contentType("application/xml")
        .body(bpmn)
        .post("/api/flows")
        .then()
        .statusCode(201)
        .body("version", equalTo(1));
    given()
        .contentType("application/xml")
        .body(bpmn.replace("name=\"Synced\"", "name=\"Done\""))
        .post("/api/flows")
        .then()
        .statusCode(201)
        .body("version", equalTo(2));
  }

  @Test
  void startingAnUnknownFlowIsNotFound() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("variables", Map.of()))
        .when()
        .post("/api/flows/no-such-flow/runs")
        .then()
        .statusCode(404)
        .body("error", equalTo("not_found"));
  }

  @Test
  void anUnknownRunIsNotFound() {
    given().get("/api/runs/not-a-uuid").then().statusCode(404);
    given().get("/api/runs/6f1c2a52-0000-4000-8000-000000000000").then().statusCode(404);
  }

  @Test
  void rejectsAnUnknownRunStatusFilter() {
    given()
        .get("/api/runs?status=done")
        .then()
        .statusCode(400)
        .body("message", containsString("status"));
  }

  @Test
  void listsRunsAPageAtATimeWithTheTotalInAHeader() {
    given()
        .get("/api/runs?limit=1&offset=0&q=no-such-run")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "0")
        .body("size()", equalTo(0));
    given()
        .get("/api/runs?offset=-1")
        .then()
        .statusCode(400)
        .body("message", containsString("offset"));
  }
}
