package io.millflow.step.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Param;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class ElementTemplateGeneratorTest {

  private final ElementTemplateGenerator generator = new ElementTemplateGenerator();
  private final ObjectNode template = generator.generate(StepDescriptor.of(new TableWrite()));

  @Test
  void describesTheStepInTheTemplateHeader() {
    assertThat(template.get("$schema").asText()).isEqualTo(ElementTemplateGenerator.SCHEMA);
    assertThat(template.get("name").asText()).isEqualTo("Write rows to a table");
    assertThat(template.get("id").asText()).isEqualTo("io.millflow.test.table-write");
    assertThat(template.get("version").asInt()).isEqualTo(2);
    assertThat(template.get("description").asText())
        .isEqualTo("Writes a dataset's records to one table.");
    assertThat(template.at("/category/id").asText()).isEqualTo("millflow");
    assertThat(template.at("/metadata/group").asText()).isEqualTo("Databases");
    assertThat(texts(template.get("appliesTo"), "")).containsExactly("bpmn:Task");
    assertThat(template.at("/elementType/value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(texts(template.get("groups"), "id")).containsExactly("input", "output", "retries");
  }

  @Test
  void setsTheJobTypeWithAHiddenTaskDefinitionProperty() {
    JsonNode taskType = bound("zeebe:taskDefinition", "property", "type");

    assertThat(taskType.get("type").asText()).isEqualTo("Hidden");
    assertThat(taskType.get("value").asText()).isEqualTo("test.table-write");
  }

  @Test
  void mapsEachInputComponentToOneZeebeInputOfTheSameName() {
    assertThat(inputs().stream().map(input -> input.at("/binding/name").asText()))
        .containsExactly("connection", "table", "mode", "records", "batchSize", "modifiedSince");
    assertThat(inputs())
        .allSatisfy(input -> assertThat(input.get("group").asText()).isEqualTo("input"));
    assertThat(input("connection").get("label").asText()).isEqualTo("Connection");
    assertThat(input("modifiedSince").get("label").asText()).isEqualTo("Modified since");
  }

  @Test
  void requiresExactlyTheNotBlankAndNotNullComponents() {
    assertThat(
            inputs().stream()
                .filter(input -> input.at("/constraints/notEmpty").asBoolean())
                .map(input -> input.at("/binding/name").asText()))
        .containsExactly("connection", "records");
    assertThat(
            inputs().stream()
                .filter(input -> input.path("optional").asBoolean())
                .map(input -> input.at("/binding/name").asText()))
        .containsExactly("table", "mode", "batchSize", "modifiedSince");
  }

  @Test
  void offersEnumConstantsAsReadableDropdownChoicesStoredInLowerCase() {
    JsonNode mode = input("mode");

    assertThat(mode.get("type").asText()).isEqualTo("Dropdown");
    assertThat(texts(mode.get("choices"), "name"))
        .containsExactly("Insert", "Upsert", "Insert only");
    assertThat(texts(mode.get("choices"), "value"))
        .containsExactly("insert", "upsert", "insert_only");
    assertThat(mode.has("feel")).isFalse();
    assertThat(mode.has("value")).as("an optional dropdown starts empty").isFalse();
  }

  @Test
  void asksForAFeelExpressionForADataset() {
    JsonNode records = input("records");

    assertThat(records.get("type").asText()).isEqualTo("String");
    assertThat(records.get("feel").asText()).isEqualTo("required");
    assertThat(records.get("description").asText()).isEqualTo("FEEL expression, e.g. =records");
  }

  @Test
  void letsScalarsBeTypedOrWrittenInFeel() {
    assertThat(
            List.of(
                input("connection"), input("table"), input("batchSize"), input("modifiedSince")))
        .allSatisfy(
            scalar -> {
              assertThat(scalar.get("type").asText()).isEqualTo("String");
              assertThat(scalar.get("feel").asText()).isEqualTo("optional");
            });
    assertThat(input("batchSize").get("value").asText()).isEqualTo("500");
    assertThat(input("modifiedSince").get("description").asText()).startsWith("ISO-8601 time");
  }

  @Test
  void anchorsPatternsLikeJavaAndKeepsTheMaximumLength() {
    JsonNode constraints = input("table").get("constraints");

    assertThat(constraints.get("notEmpty").asBoolean()).isFalse();
    assertThat(constraints.get("maxLength").asInt()).isEqualTo(63);
    assertThat(constraints.has("minLength"))
        .as("an empty optional field must stay valid")
        .isFalse();
    assertThat(constraints.at("/pattern/value").asText()).isEqualTo("^(?:[a-z_][a-z0-9_]*)?$");
    assertThat(constraints.at("/pattern/message").asText())
        .isEqualTo("must match the pattern [a-z_][a-z0-9_]*");
  }

  @Test
  void storesTheOutputInTheVariableNamedByTheResultVariableHeader() {
    JsonNode result =
        bound("zeebe:taskHeader", "key", ElementTemplateGenerator.RESULT_VARIABLE_HEADER);

    assertThat(result.get("value").asText()).isEqualTo("testTableWriteResult");
    assertThat(result.get("group").asText()).isEqualTo("output");
    assertThat(ElementTemplateGenerator.defaultResultVariable("postgres.write"))
        .isEqualTo("postgresWriteResult");
  }

  @Test
  void proposesTheRetriesOfTheStepType() {
    JsonNode retries = bound("zeebe:taskDefinition", "property", "retries");

    assertThat(retries.get("value").asText()).isEqualTo("5");
    assertThat(retries.get("group").asText()).isEqualTo("retries");
  }

  @Test
  void rendersTheSameBytesEveryTime() throws IOException {
    String first = generator.render(StepDescriptor.of(new TableWrite()));
    String second = new ElementTemplateGenerator().render(StepDescriptor.of(new TableWrite()));

    assertThat(second).isEqualTo(first).endsWith("}\n").doesNotContain("\r");
    assertThat(first).isEqualTo(resource("/template/test.table-write.json"));
  }

  @Test
  void preselectsTheFirstChoiceOfARequiredDropdown() {
    ObjectNode required = generator.generate(StepDescriptor.of(new RequiredMode()));

    JsonNode mode = required.get("properties").get(1);
    assertThat(mode.get("value").asText()).isEqualTo("insert");
    assertThat(mode.at("/constraints/notEmpty").asBoolean()).isTrue();
  }

  @Test
  void rejectsADefaultValueThatIsNoChoice() {
    assertThatThrownBy(() -> generator.generate(StepDescriptor.of(new UnknownDefault())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'merge'");
  }

  @Test
  void rejectsAnInputThatIsNotARecord() {
    assertThatThrownBy(() -> generator.generate(StepDescriptor.of(new StringInput())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test.string-input");
  }

  private List<JsonNode> inputs() {
    return properties().stream()
        .filter(p -> p.at("/binding/type").asText().equals("zeebe:input"))
        .toList();
  }

  private JsonNode input(String name) {
    return inputs().stream()
        .filter(p -> p.at("/binding/name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private JsonNode bound(String type, String field, String value) {
    List<JsonNode> matches =
        properties().stream()
            .filter(
                p ->
                    p.at("/binding/type").asText().equals(type)
                        && p.at("/binding/" + field).asText().equals(value))
            .toList();
    assertThat(matches).hasSize(1);
    return matches.getFirst();
  }

  private List<JsonNode> properties() {
    return StreamSupport.stream(template.get("properties").spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(node -> field.isEmpty() ? node.asText() : node.get(field).asText())
        .toList();
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = ElementTemplateGeneratorTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @StepType(id = "test.required-mode", name = "Required mode", group = "Tests")
  static final class RequiredMode implements Step<RequiredMode.Input, WriteResult> {
    record Input(@Param(label = "Mode") @NotNull TableWrite.Mode mode) {}

    @Override
    public WriteResult run(Input input, StepContext context) {
      throw new UnsupportedOperationException();
    }
  }

  @StepType(id = "test.unknown-default", name = "Unknown default", group = "Tests")
  static final class UnknownDefault implements Step<UnknownDefault.Input, WriteResult> {
    record Input(
        @Param(
                label = "Mode",
                choices = {"insert", "upsert"},
                defaultValue = "merge")
            String mode) {}

    @Override
    public WriteResult run(Input input, StepContext context) {
      throw new UnsupportedOperationException();
    }
  }

  @StepType(id = "test.string-input", name = "String input", group = "Tests")
  static final class StringInput implements Step<String, WriteResult> {
    @Override
    public WriteResult run(String input, StepContext context) {
      throw new UnsupportedOperationException();
    }
  }
}
