package io.millflow.connector.mysql;

import io.millflow.connector.sql.SqlWriteInput;
import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.sql.WriteMode;
import io.millflow.step.Json;
import io.millflow.step.StepDescriptor;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The input as the worker adapter sees it: job variables in JSON, validated at the boundary. */
class MySqlWriteInputTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void readsTemplateVariablesWithALowerCaseMode() throws Exception {
    SqlWriteInput input = read("mysql-write-input.json");

    assertThat(input.mode()).isEqualTo(WriteMode.UPSERT);
    assertThat(input.keyFields()).isEqualTo("partNumber");
    assertThat(VALIDATION.getValidator().validate(input)).isEmpty();
  }

  @Test
  void rejectsABlankConnectionABadTableBadKeyFieldsAndABrokenDatasetRef() throws Exception {
    SqlWriteInput input = read("mysql-write-input-invalid.json");

    assertThat(VALIDATION.getValidator().validate(input))
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder("connection", "table", "keyFields", "records.dataset", "records.count");
  }

  @Test
  void declaresTheStepTheEngineRegisters() {
    StepDescriptor descriptor = StepDescriptor.of(new MySqlWrite(new MySqlDataSources()));

    assertThat(descriptor.id()).isEqualTo("mysql.write");
    assertThat(descriptor.type().name()).isEqualTo("Write to MySQL");
    assertThat(descriptor.type().group()).isEqualTo("Databases");
    assertThat(descriptor.timeout().toSeconds()).isEqualTo(900);
    assertThat(descriptor.inputType()).isEqualTo(SqlWriteInput.class);
  }

  private static SqlWriteInput read(String fixture) throws Exception {
    try (InputStream json = MySqlWriteInputTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Json.mapper().readValue(json, SqlWriteInput.class);
    }
  }
}
