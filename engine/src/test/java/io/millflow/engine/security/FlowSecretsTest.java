package io.millflow.engine.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.millflow.engine.FlowTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A step input may say {@code {{secrets.NAME}}}: the worker puts the tenant's secret in its place
 * just before the step runs, so the step sees the value while Zeebe's variables, the run history
 * and the API see only the reference.
 */
@QuarkusTest
class FlowSecretsTest {

  private static final String VALUE = "s3cr3t-probe-value-" + System.nanoTime();

  @Test
  void theStepSeesTheSecretAndNothingElseDoes() {
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("value", VALUE))
        .put("/api/secrets/probe")
        .then()
        .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    FlowTestSupport.deploy(probeFlow("secret-probe", "probe"));

    JsonPath run = FlowTestSupport.awaitRunEnd(FlowTestSupport.startRun("secret-probe"));

    assertThat(run.getString("run.status")).isEqualTo("completed");
    assertThat(run.getLong("steps[0].step.recordsOut"))
        .as("the query matched only with the secret's value")
        .isEqualTo(1);
    assertThat(run.prettify()).doesNotContain(VALUE).contains("{{secrets.probe}}");
    assertThat(given().get("/api/secrets").then().statusCode(200).extract().asString())
        .contains("\"probe\"")
        .doesNotContain(VALUE);
    assertThat(given().get("/api/flows/secret-probe/bpmn").then().extract().asString())
        .doesNotContain(VALUE);
  }

  @Test
  void aReferenceToAMissingSecretStopsTheStepNamingTheSecretAndTheFix() {
    FlowTestSupport.deploy(probeFlow("secret-missing", "never-created"));

    JsonPath run = FlowTestSupport.awaitRunEnd(FlowTestSupport.startRun("secret-missing"));

    assertThat(run.getString("run.status")).isEqualTo("incident");
    assertThat(run.getString("steps[0].step.error"))
        .contains("secret 'never-created'", "PUT /api/secrets/never-created");
  }

  /**
   * A query that returns a row only when the parameter holds the secret's value (compared by MD5,
   * so the flow holds no copy).
   */
  private static String probeFlow(String id, String secret) {
    return Bpmn.convertToString(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "probe",
                task ->
                    task.zeebeJobType("postgres.query")
                        .zeebeInput("=\"warehouse\"", "connection")
                        .zeebeInput(
                            "=\"select 1 as n where md5(:probe) = '" + md5(VALUE) + "'\"", "sql")
                        .zeebeInput("={probe: \"{{secrets." + secret + "}}\"}", "parameters"))
            .endEvent()
            .done());
  }

  private static String md5(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("MD5")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
