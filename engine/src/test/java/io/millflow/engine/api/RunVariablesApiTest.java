package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.FlowTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

/** {@code GET /api/runs/{id}/variables}: what a run started with, secrets as their references. */
@QuarkusTest
class RunVariablesApiTest {

  private static final String FLOW = "plex-po-to-csv";

  @Test
  void showsTheVariablesARunStartedWithAndASecretsValueAsItsReference() {
    String secret = "s3cret-" + UUID.randomUUID();
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", secret))
        .put("/api/secrets/{name}", "start-variables-mask")
        .then()
        .statusCode(Matchers.oneOf(200, 201, 204));
    try {
      String runId =
          given()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "variables",
                      Map.of(
                          "note",
                          "nightly",
                          "batch",
                          7,
                          "auth",
                          Map.of("header", "Bearer " + secret),
                          "tokens",
                          List.of(secret))))
              .post("/api/flows/{id}/runs", FLOW)
              .then()
              .statusCode(201)
              .extract()
              .path("id");
      FlowTestSupport.awaitRunEnd(runId);

      JsonPath answer =
          given()
              .get("/api/runs/{id}/variables", runId)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();

      assertThat(answer.getBoolean("kept")).isTrue();
      assertThat(answer.getString("variables.note")).isEqualTo("nightly");
      assertThat(answer.getInt("variables.batch")).isEqualTo(7);
      assertThat(answer.getString("variables.auth.header"))
          .isEqualTo("Bearer {{secrets.start-variables-mask}}");
      assertThat(answer.getList("variables.tokens"))
          .containsExactly("{{secrets.start-variables-mask}}");
      assertThat(answer.prettify()).doesNotContain(secret);
    } finally {
      given().delete("/api/secrets/{name}", "start-variables-mask");
    }
  }

  @Test
  void anotherRunIdAnswers404() {
    given()
        .get("/api/runs/{id}/variables", UUID.randomUUID())
        .then()
        .statusCode(404)
        .contentType(ContentType.JSON);
    given().get("/api/runs/{id}/variables", "not-a-uuid").then().statusCode(404);
  }
}
