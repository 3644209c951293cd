package io.millflow.connector.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.StepDescriptor;
import io.millflow.step.template.ElementTemplateGenerator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.InputStream;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The inputs as the worker adapter sees them: job variables in JSON, validated at the boundary. */
class MongoStepInputTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private final Validator validator = VALIDATION.getValidator();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void readsWriteVariablesWithALowerCaseMode() throws Exception {
    MongoWrite.Input input = read("mongodb-write-input.json", MongoWrite.Input.class);

    assertThat(input.mode()).isEqualTo(WriteMode.UPSERT);
    assertThat(input.records().entity()).isEqualTo("purchaseOrder");
    assertThat(validator.validate(input)).isEmpty();
  }

  @Test
  void rejectsABlankConnectionBadKeyFieldsAndABrokenDatasetRef() throws Exception {
    MongoWrite.Input input = read("mongodb-write-input-invalid.json", MongoWrite.Input.class);

    assertThat(validator.validate(input))
        .extracting(v -> v.getPropertyPath().toString())
        .containsExactlyInAnyOrder("connection", "keyFields", "records.dataset", "records.count");
  }

  @Test
  void readsFindParametersAsJsonValuesAndRejectsAZeroLimit() throws Exception {
    MongoFind.Input input = read("mongodb-find-input.json", MongoFind.Input.class);

    assertThat(input.parameters())
        .containsEntry("line", "L1")
        .containsEntry("minMinutes", new BigDecimal("0.5"));
    assertThat(validator.validate(input))
        .extracting(v -> v.getPropertyPath().toString())
        .containsExactly("limit");
  }

  @Test
  void declaresBothStepsWithTemplatesTheEngineCanGenerate() throws Exception {
    MongoConnections connections = new MongoConnections();
    StepDescriptor write = StepDescriptor.of(new MongoWrite(connections));
    StepDescriptor find = StepDescriptor.of(new MongoFind(connections));

    assertThat(write.id()).isEqualTo("mongodb.write");
    assertThat(write.timeout().toSeconds()).isEqualTo(900);
    assertThat(find.id()).isEqualTo("mongodb.find");
    JsonNode template = Json.mapper().readTree(new ElementTemplateGenerator().render(write));
    assertThat(template.path("properties").findValuesAsText("value"))
        .contains("mongodb.write", "upsert");
    assertThat(new ElementTemplateGenerator().render(find)).contains("cursorAfter");
  }

  private static <T> T read(String fixture, Class<T> type) throws Exception {
    try (InputStream json = MongoStepInputTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Json.mapper().readValue(json, type);
    }
  }
}
