package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.engine.RepoPaths;
import io.millflow.engine.access.ApiAccessCoverageTest;
import io.millflow.step.Json;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The API's contract: OpenAPI 3.1 generated from the resources, served on the management interface
 * and committed as docs/openapi.yaml. When it drifts, the served file is written to
 * engine/target/generated-docs/openapi.yaml, never into the source tree; review it and copy it
 * over.
 */
@QuarkusTest
class ApiContractTest {

  private static final Path COMMITTED = RepoPaths.root().resolve("docs/openapi.yaml");
  private static final Path GENERATED = Path.of("target", "generated-docs", "openapi.yaml");

  @Test
  void theCommittedContractIsWhatTheRuntimeServes() throws IOException {
    String served = given().get("/api/openapi").then().statusCode(200).extract().asString();
    String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
    if (!committed.equals(served)) {
      Files.createDirectories(GENERATED.getParent());
      Files.writeString(GENERATED, served);
    }
    assertThat(committed)
        .as(
            "docs/openapi.yaml differs from the contract the runtime serves; the served one is"
                + " engine/target/generated-docs/openapi.yaml: review it, then run 'cp"
                + " engine/target/generated-docs/openapi.yaml docs/openapi.yaml'")
        .isEqualTo(served);
  }

  @Test
  void itIsOpenApi31AndDescribesEveryEndpointOfTheApiAndTheWebhooks() {
    JsonNode contract =
        Json.mapper()
            .valueToTree(
                given()
                    .queryParam("format", "json")
                    .get("/api/openapi")
                    .then()
                    .statusCode(200)
                    .extract()
                    .as(Object.class));
    assertThat(contract.path("openapi").asText()).startsWith("3.1.");
    List<String> endpoints = new java.util.ArrayList<>(ApiAccessCoverageTest.EXPECTED.keySet());
    endpoints.add("POST /webhooks/{trigger}");
    for (String endpoint : endpoints) {
      String[] methodAndPath = endpoint.split(" ", 2);
      assertThat(
              contract
                  .path("paths")
                  .path(methodAndPath[1])
                  .has(methodAndPath[0].toLowerCase(Locale.ROOT)))
          .as("the contract describes %s", endpoint)
          .isTrue();
    }
  }

  @Test
  void anUnknownFormatIsA400NamingTheParameter() {
    given()
        .queryParam("format", "xml")
        .get("/api/openapi")
        .then()
        .statusCode(400)
        .body("message", org.hamcrest.Matchers.containsString("'format'"));
  }
}
