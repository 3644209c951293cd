package io.millflow.connector.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The inputs as the worker adapter sees them: job variables in JSON, validated at the boundary. */
class FileStepsInputTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private final Validator validator = VALIDATION.getValidator();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void readsWriteVariablesWithLowerCaseEnumsAndATextBoolean() throws Exception {
    FileWrite.Input input = read("file-write-input.json", FileWrite.Input.class);

    assertThat(input.format()).isEqualTo(FileFormat.CSV);
    assertThat(input.compression()).isEqualTo(Compression.AUTO);
    assertThat(input.mode()).isEqualTo(FileWriteMode.OVERWRITE);
    assertThat(input.header()).isTrue();
    assertThat(input.records().entity()).isEqualTo("purchaseOrder");
    assertThat(validator.validate(input)).isEmpty();
  }

  @Test
  void readsReadVariables() throws Exception {
    FileRead.Input input = read("file-read-input.json", FileRead.Input.class);

    assertThat(input.format()).isEqualTo(FileFormat.JSONL);
    assertThat(input.compression()).isEqualTo(Compression.NONE);
    assertThat(input.header()).isFalse();
    assertThat(input.entity()).isEqualTo("downtimeEvent");
    assertThat(validator.validate(input)).isEmpty();
  }

  @Test
  void rejectsABlankConnectionABlankPathAndABrokenDatasetRef() throws Exception {
    FileWrite.Input input = read("file-write-input-invalid.json", FileWrite.Input.class);

    Set<ConstraintViolation<FileWrite.Input>> violations = validator.validate(input);

    assertThat(violations)
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder("connection", "path", "records.dataset", "records.count");
  }

  @Test
  void declaresBothStepsInTheFilesGroup() {
    StepDescriptor read =
        StepDescriptor.of(new FileRead(FileRoots.only(java.nio.file.Path.of("unused"))));
    StepDescriptor write =
        StepDescriptor.of(new FileWrite(FileRoots.only(java.nio.file.Path.of("unused"))));

    assertThat(read.id()).isEqualTo("file.read");
    assertThat(write.id()).isEqualTo("file.write");
    assertThat(read.type().group()).isEqualTo("Files");
    assertThat(write.type().group()).isEqualTo("Files");
    assertThat(write.inputType()).isEqualTo(FileWrite.Input.class);
  }

  @Test
  void generatesTemplatesWithDropdownsAndDefaults() throws Exception {
    ElementTemplateGenerator generator = new ElementTemplateGenerator();
    JsonNode write =
        Json.mapper()
            .readTree(
                generator.render(
                    StepDescriptor.of(
                        new FileWrite(FileRoots.only(java.nio.file.Path.of("unused"))))));
    JsonNode read =
        Json.mapper()
            .readTree(
                generator.render(
                    StepDescriptor.of(
                        new FileRead(FileRoots.only(java.nio.file.Path.of("unused"))))));

    assertThat(property(write, "mode").path("choices").findValuesAsText("value"))
        .containsExactly("create", "overwrite");
    assertThat(property(write, "mode").path("value").asText()).isEqualTo("create");
    assertThat(property(write, "format").path("choices").findValuesAsText("value"))
        .containsExactly("csv", "jsonl");
    assertThat(property(read, "compression").path("value").asText()).isEqualTo("auto");
    assertThat(property(read, "path").path("constraints").path("notEmpty").asBoolean()).isTrue();
  }

  private static JsonNode property(JsonNode template, String input) {
    for (JsonNode property : template.path("properties")) {
      if (input.equals(property.path("binding").path("name").asText())) {
        return property;
      }
    }
    throw new AssertionError("No template property for input " + input);
  }

  private static <T> T read(String fixture, Class<T> type) throws Exception {
    try (InputStream json = FileStepsInputTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Json.mapper().readValue(json, type);
    }
  }
}
