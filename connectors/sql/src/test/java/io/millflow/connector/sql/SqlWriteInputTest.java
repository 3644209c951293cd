package io.millflow.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.StepContext;
import io.millflow.step.StepDescriptor;
import io.millflow.step.StepType;
import io.millflow.step.WriteResult;
import io.millflow.step.template.ElementTemplateGenerator;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The write input every SQL sink shares, as the worker adapter sees it: job variables in JSON,
 * checked at the edge.
 */
class SqlWriteInputTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  /** A write step of no database, to render the shared input's template. */
  @StepType(id = "test.write", name = "Write somewhere", group = "Databases")
  static final class AnyWrite implements io.millflow.step.Step<SqlWriteInput, WriteResult> {
    @Override
    public WriteResult run(SqlWriteInput input, StepContext context) {
      throw new UnsupportedOperationException();
    }
  }

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void readsTemplateVariablesWithALowerCaseMode() throws Exception {
    SqlWriteInput input = read("sql-write-input.json");

    assertThat(input.mode()).isEqualTo(WriteMode.UPSERT);
    assertThat(input.table()).isEqualTo("sales.purchase_order");
    assertThat(input.records().entity()).isEqualTo("purchaseOrder");
    assertThat(VALIDATION.getValidator().validate(input)).isEmpty();
  }

  @Test
  void rejectsABlankConnectionABadTableBadKeyFieldsAndABrokenDatasetRef() throws Exception {
    SqlWriteInput input = read("sql-write-input-invalid.json");

    assertThat(VALIDATION.getValidator().validate(input))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder(
            "connection", "table", "keyFields", "records.dataset", "records.count");
  }

  @Test
  void generatesAnElementTemplateWithAModeDropdownDefaultingToUpsert() throws Exception {
    JsonNode template =
        Json.mapper()
            .readTree(new ElementTemplateGenerator().render(StepDescriptor.of(new AnyWrite())));

    JsonNode mode = property(template, "mode");
    assertThat(mode.path("type").asText()).isEqualTo("Dropdown");
    assertThat(mode.path("value").asText()).isEqualTo("upsert");
    assertThat(mode.path("choices").findValuesAsText("value"))
        .containsExactly("insert", "upsert", "replace");
    assertThat(property(template, "table").path("optional").asBoolean()).isTrue();
    assertThat(property(template, "connection").path("constraints").path("notEmpty").asBoolean())
        .isTrue();
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
    try (InputStream json = SqlWriteInputTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Json.mapper().readValue(json, SqlWriteInput.class);
    }
  }
}
