package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.plex.PlexPurchaseOrdersRead.Input;
import io.millflow.step.Json;
import io.millflow.step.StepDescriptor;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The step's input as the worker adapter builds it: job variables through Jackson, then Jakarta
 * Validation.
 */
class PlexPurchaseOrdersReadInputTest {

  private static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void readsJobVariablesIntoTheInput() throws Exception {
    Input input =
        Json.mapper()
            .readValue(
                """
        {"connection":"plex-prod","modifiedSince":"2024-05-01T00:00:00.0000000Z","windowDays":7,
         "includeLineItems":"false","somethingElse":1}""",
                Input.class);

    assertThat(input.modifiedSince()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(input.windowDays()).isEqualTo(7);
    assertThat(input.includeLineItems()).isFalse();
    assertThat(VALIDATOR.validate(input)).isEmpty();
  }

  @Test
  void rejectsABlankConnectionAndANonPositiveWindow() {
    Set<ConstraintViolation<Input>> violations =
        VALIDATOR.validate(new Input(" ", null, null, 0, -1, null));

    assertThat(violations)
        .extracting(violation -> violation.getPropertyPath().toString())
        .containsExactlyInAnyOrder("connection", "windowDays", "maxPerWindow");
  }

  @Test
  void declaresItsStepTypeForTheEngine() {
    StepDescriptor descriptor = StepDescriptor.of(new PlexPurchaseOrdersRead());

    assertThat(descriptor.id()).isEqualTo("plex.purchase-orders.read");
    assertThat(descriptor.inputType()).isEqualTo(Input.class);
    assertThat(descriptor.timeout().toSeconds()).isEqualTo(600);
  }
}
