package io.millflow.example.firststep;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.Json;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The input as the worker reads it from the job's variables: Jackson, then Jakarta Validation. */
class ScrapCheckInputTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private final Validator validator = VALIDATION.getValidator();

  @AfterAll
  static void closeValidation() {
    VALIDATION.close();
  }

  @Test
  void readsTheVariablesTheDesignerStores() {
    ScrapCheck.Input input =
        read(
            Map.of(
                "records",
                Map.of("dataset", "ds-1", "count", 3, "entity", "productionRecord"),
                "limitPercent",
                "2.5"));

    assertThat(input.limitPercent()).isEqualByComparingTo(new BigDecimal("2.5"));
    assertThat(input.records().count()).isEqualTo(3);
    assertThat(validator.validate(input)).isEmpty();
  }

  @Test
  void refusesALimitOverAHundredPercentAndABrokenDatasetNamingTheFields() {
    ScrapCheck.Input input =
        read(
            Map.of(
                "records",
                Map.of("dataset", "", "count", 3, "entity", "productionRecord"),
                "limitPercent",
                "150"));

    Set<ConstraintViolation<ScrapCheck.Input>> violations = validator.validate(input);

    assertThat(violations)
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder("limitPercent", "records.dataset");
  }

  private static ScrapCheck.Input read(Map<String, Object> variables) {
    return Json.mapper().convertValue(variables, ScrapCheck.Input.class);
  }
}
