package io.millflow.step.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.StepDescriptor;
import io.millflow.steps.UnifiedTransform;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class UnifiedTransformTemplateTest {

  private final ObjectNode template =
      new ElementTemplateGenerator().generate(StepDescriptor.of(new UnifiedTransform(List.of())));

  @Test
  void runsAsTheUnifiedTransformJobType() {
    assertThat(template.get("id").asText()).isEqualTo("io.millflow.unified.transform");
    assertThat(property("zeebe:taskDefinition", "type").get("value").asText())
        .isEqualTo("unified.transform");
    assertThat(property("zeebe:taskHeader", "resultVariable").get("value").asText())
        .isEqualTo("unifiedTransformResult");
  }

  @Test
  void takesTheRecordsAsARequiredFeelExpression() {
    JsonNode records = property("zeebe:input", "records");

    assertThat(records.get("feel").asText()).isEqualTo("required");
    assertThat(records.get("description").asText())
        .isEqualTo("The source step's dataset, e.g. =orders");
    assertThat(records.at("/constraints/notEmpty").asBoolean()).isTrue();
    assertThat(records.has("optional")).isFalse();
  }

  @Test
  void offersTheDeclaredChoicesForKeepRawWithItsDefault() {
    JsonNode includeRaw = property("zeebe:input", "includeRaw");

    assertThat(includeRaw.get("type").asText()).isEqualTo("Dropdown");
    assertThat(includeRaw.get("choices").findValuesAsText("value"))
        .containsExactly("false", "true");
    assertThat(includeRaw.get("value").asText()).isEqualTo("false");
    assertThat(includeRaw.get("optional").asBoolean()).isTrue();
  }

  @Test
  void leavesTheOtherTextFieldsOptional() {
    assertThat(
            List.of(
                property("zeebe:input", "sourceConnection"),
                property("zeebe:input", "customFields")))
        .allSatisfy(
            text -> {
              assertThat(text.get("feel").asText()).isEqualTo("optional");
              assertThat(text.get("optional").asBoolean()).isTrue();
              assertThat(text.has("constraints")).isFalse();
            });
  }

  // Inputs are found by name, task definitions by property, headers by key.
  private JsonNode property(String bindingType, String name) {
    return StreamSupport.stream(template.get("properties").spliterator(), false)
        .filter(p -> p.at("/binding/type").asText().equals(bindingType))
        .filter(
            p ->
                name.equals(p.at("/binding/name").asText())
                    || name.equals(p.at("/binding/property").asText())
                    || name.equals(p.at("/binding/key").asText()))
        .findFirst()
        .orElseThrow();
  }
}
