package io.millflow.connector.postgres;

import io.millflow.connector.sql.SqlWriteInput;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.sql.WriteMode;
import io.millflow.step.Json;
import io.millflow.step.StepDescriptor;
import io.millflow.step.template.ElementTemplateGenerator;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The input as the worker adapter sees it: job variables in JSON, validated at the boundary. */
class PostgresWriteInputTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private final Validator validator = VALIDATION.getValidator();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void readsTemplateVariablesWithALowerCaseMode() throws Exception {
    SqlWriteInput input = read("postgres-write-input.json");

    assertThat(input.mode()).isEqualTo(WriteMode.UPSERT);
    assertThat(input.table()).isEqualTo("sales.purchase_order");
    assertThat(input.records().entity()).isEqualTo("purchaseOrder");
    assertThat(validator.validate(input)).isEmpty();
  }

  @Test
  void rejectsABlankConnectionABadTableBadKeyFieldsAndABrokenDatasetRef() throws Exception {
    SqlWriteInput input = read("postgres-write-input-invalid.json");

    Set<ConstraintViolation<SqlWriteInput>> violations = validator.validate(input);

    assertThat(violations).extracting(violation -> violation.getPropertyPath().toString()).containsExactlyInAnyOrder(
        "connection", "table", "keyFields", "records.dataset", "records.count");
  }

  @Test
  void declaresTheStepTheEngineRegisters() {
    StepDescriptor descriptor = StepDescriptor.of(new PostgresWrite(new PostgresDataSources()));

    assertThat(descriptor.id()).isEqualTo("postgres.write");
    assertThat(descriptor.type().group()).isEqualTo("Databases");
    assertThat(descriptor.timeout().toSeconds()).isEqualTo(900);
    assertThat(descriptor.inputType()).isEqualTo(SqlWriteInput.class);
  }

  @Test
  void generatesAnElementTemplateWithAModeDropdownDefaultingToUpsert() throws Exception {
    JsonNode template = Json.mapper().readTree(
        new ElementTemplateGenerator().render(StepDescriptor.of(new PostgresWrite(new PostgresDataSources()))));

    JsonNode mode = property(template, "mode");
    assertThat(mode.path("type").asText()).isEqualTo("Dropdown");
    assertThat(mode.path("value").asText()).isEqualTo("upsert");
    assertThat(mode.path("choices").findValuesAsText("value")).containsExactly("insert", "upsert", "replace");
    assertThat(property(template, "table").path("optional").asBoolean()).isTrue();
    assertThat(property(template, "connection").path("constraints").path("notEmpty").asBoolean()).isTrue();
  }

  private static JsonNode property(JsonNode template, String input) {
    for (JsonNode property : template.path("properties")) {
      if (input.equals(property.path("binding").path("name").asText())) {
        return property;
      }
    }
    throw new AssertionError("No template property for input " + input);
  }

  private static SqlWriteInput read(String fixture) throws Exception {
    try (InputStream json = PostgresWriteInputTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Json.mapper().readValue(json, SqlWriteInput.class);
    }
  }
}
