package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.millflow.engine.FlowTestSupport;
import io.millflow.step.Json;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real answers of the API, after a real run, conform to the schemas the contract gives them (the
 * 200 answer of each GET), checked by a JSON Schema 2020-12 validator: the contract describes what
 * the runtime sends, not what its classes look like.
 */
@QuarkusTest
class ApiAnswersConformTest {

  private static final String FLOW = "plex-po-to-csv";

  @Test
  void theAnswersOfTheApiConformToTheContract() throws Exception {
    FlowTestSupport.resetSyncState(FLOW);
    String runId = FlowTestSupport.startRun(FLOW);
    FlowTestSupport.awaitRunEnd(runId);
    JsonNode contract =
        Json.mapper().readTree(given().queryParam("format", "json").get("/api/openapi").asString());

    Map<String, String> calls = new LinkedHashMap<>();
    calls.put("/api/flows", "/api/flows");
    calls.put("/api/flows/{id}/versions", "/api/flows/" + FLOW + "/versions");
    calls.put("/api/runs/{id}", "/api/runs/" + runId);
    calls.put("/api/runs/{id}/datasets", "/api/runs/" + runId + "/datasets");
    calls.put("/api/runs/{id}/variables", "/api/runs/" + runId + "/variables");
    String dataset = given().get("/api/runs/" + runId + "/datasets").path("[0].dataset");
    calls.put(
        "/api/runs/{id}/datasets/{dataset}",
        "/api/runs/" + runId + "/datasets/" + dataset + "?limit=3");
    calls.put("/api/connections", "/api/connections");
    calls.put("/api/connections/{name}", "/api/connections/warehouse");
    calls.put("/api/connections/{name}/status", "/api/connections/warehouse/status");
    calls.put("/api/connection-types", "/api/connection-types");
    calls.put("/api/triggers", "/api/triggers");
    calls.put("/api/subscriptions", "/api/subscriptions");
    calls.put("/api/schedules", "/api/schedules");
    calls.put("/api/me", "/api/me");
    calls.put("/api/engine", "/api/engine");
    calls.put("/api/incidents", "/api/incidents");
    calls.put("/api/audit", "/api/audit");

    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> call : calls.entrySet()) {
      JsonNode schema = answerSchema(contract, call.getKey());
      assertThat(schema.isMissingNode())
          .as("the contract's answer of GET %s", call.getKey())
          .isFalse();
      String answer = given().get(call.getValue()).then().statusCode(200).extract().asString();
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(withComponents(schema, contract))
          .validate(answer, InputFormat.JSON)
          .forEach(problem -> problems.add("GET " + call.getValue() + ": " + problem));
    }
    assertThat(problems).isEmpty();

    // The check has teeth: the run's answer with a number for its status does not conform.
    JsonNode run = Json.mapper().readTree(given().get("/api/runs/" + runId).asString());
    ((ObjectNode) run.path("run")).put("status", 17);
    assertThat(
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(withComponents(answerSchema(contract, "/api/runs/{id}"), contract))
                .validate(run.toString(), InputFormat.JSON))
        .anySatisfy(problem -> assertThat(problem.toString()).contains("status"));
  }

  private static JsonNode answerSchema(JsonNode contract, String path) {
    return contract
        .path("paths")
        .path(path)
        .path("get")
        .path("responses")
        .path("200")
        .path("content")
        .path("application/json")
        .path("schema");
  }

  /** The answer's schema as a document of its own, with the contract's components to refer to. */
  private static JsonNode withComponents(JsonNode schema, JsonNode contract) {
    ObjectNode document = Json.mapper().createObjectNode();
    document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    document.putArray("allOf").add(schema);
    document.set("components", contract.path("components"));
    return document;
  }
}
