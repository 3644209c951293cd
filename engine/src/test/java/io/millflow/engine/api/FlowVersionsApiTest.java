package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;

import io.millflow.engine.flow.BundledFlows;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A flow's version history: the list, newest first, and each version's BPMN as it was deployed. */
@QuarkusTest
class FlowVersionsApiTest {

  @Test
  void listsEveryVersionNewestFirstAndGivesBackEachOnesBpmn() {
    String flowId = "history-flow-" + java.util.UUID.randomUUID();
    String bpmn =
        BundledFlows.load()
            .getFirst()
            .replace("id=\"plex-po-to-postgres\"", "id=\"" + flowId + "\"");
    given().contentType("application/xml").body(bpmn).post("/api/flows").then().statusCode(201);
    given()
        .contentType("application/xml")
        .body(bpmn.replace("name=\"Synced\"", "name=\"Done\""))
        .post("/api/flows")
        .then()
        .statusCode(201);

    given()
        .get("/api/flows/{id}/versions", flowId)
        .then()
        .statusCode(200)
        .body("version", contains(2, 1));
    given()
        .get("/api/flows/{id}/versions/1/bpmn", flowId)
        .then()
        .statusCode(200)
        .body(containsString("name=\"Synced\""))
        .body(org.hamcrest.Matchers.not(containsString("millflow.run-end")));
    given()
        .get("/api/flows/{id}/versions/2/bpmn", flowId)
        .then()
        .statusCode(200)
        .body(containsString("name=\"Done\""));
  }

  @Test
  void answersAnUnknownFlowOrVersionWith404() {
    given().get("/api/flows/{id}/versions", "no-such-flow").then().statusCode(404);
    given()
        .get("/api/flows/{id}/versions/9/bpmn", "plex-po-to-postgres")
        .then()
        .statusCode(404)
        .body("message", containsString("has no version 9"));
  }
}
