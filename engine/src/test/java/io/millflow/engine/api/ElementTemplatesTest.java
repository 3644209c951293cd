package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.engine.RepoPaths;
import io.millflow.engine.catalog.StepCatalog;
import io.millflow.step.Json;
import io.millflow.step.template.ElementTemplates;
import io.millflow.step.testing.CommittedTemplates;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ElementTemplatesTest {

  @Inject StepCatalog steps;

  /**
   * The committed templates (flow-definitions/element-templates) are what the designer and Camunda
   * Modeler load. When the code generates other ones, this test fails, leaves them in
   * engine/target/element-templates and names the command that updates the committed ones.
   */
  @Test
  void committedTemplatesMatchTheSteps() throws Exception {
    new CommittedTemplates(
            RepoPaths.flowDefinitions().resolve("element-templates"),
            RepoPaths.root().resolve("engine/target/element-templates"),
            "./mvnw -pl engine -am test -Dtest=io.millflow.engine.api.ElementTemplatesTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -DskipClusterMode=true")
        .assertMatch(new ElementTemplates(steps.all()));
  }

  @Test
  void servesATemplatePerStep() {
    given()
        .get("/api/element-templates")
        .then()
        .statusCode(200)
        .body(
            "id",
            hasItems(
                "io.millflow.plex.purchase-orders.read",
                "io.millflow.unified.transform",
                "io.millflow.postgres.write"));
  }

  @Test
  void postgresWriteTemplateHasItsTaskTypeInputsAndConstraints() throws Exception {
    JsonNode templates =
        Json.mapper().readTree(given().get("/api/element-templates").then().extract().asString());
    JsonNode template =
        StreamSupport.stream(templates.spliterator(), false)
            .filter(t -> t.get("id").asText().equals("io.millflow.postgres.write"))
            .findFirst()
            .orElseThrow();
    List<JsonNode> properties =
        StreamSupport.stream(template.get("properties").spliterator(), false).toList();

    assertThat(template.get("elementType").get("value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(properties)
        .anySatisfy(
            p -> {
              assertThat(p.get("type").asText()).isEqualTo("Hidden");
              assertThat(p.get("value").asText()).isEqualTo("postgres.write");
              assertThat(p.get("binding").get("type").asText()).isEqualTo("zeebe:taskDefinition");
              assertThat(p.get("binding").get("property").asText()).isEqualTo("type");
            });
    List<String> inputs =
        properties.stream()
            .filter(p -> p.get("binding").get("type").asText().equals("zeebe:input"))
            .map(p -> p.get("binding").get("name").asText())
            .toList();
    assertThat(inputs).containsExactly("connection", "table", "mode", "keyFields", "records");
    assertThat(input(properties, "connection").get("constraints").get("notEmpty").asBoolean())
        .isTrue();
    assertThat(input(properties, "records").get("constraints").get("notEmpty").asBoolean())
        .isTrue();
    assertThat(input(properties, "records").get("feel").asText()).isEqualTo("required");
    assertThat(input(properties, "mode").get("type").asText()).isEqualTo("Dropdown");
    assertThat(input(properties, "mode").get("choices").findValuesAsText("value"))
        .containsExactly("insert", "upsert", "replace");
    assertThat(properties)
        .anySatisfy(
            p -> {
              assertThat(p.get("binding").get("type").asText()).isEqualTo("zeebe:taskHeader");
              assertThat(p.get("binding").get("key").asText()).isEqualTo("resultVariable");
            });
  }

  private static JsonNode input(List<JsonNode> properties, String name) {
    return properties.stream()
        .filter(p -> name.equals(p.get("binding").path("name").asText()))
        .findFirst()
        .orElseThrow();
  }
}
