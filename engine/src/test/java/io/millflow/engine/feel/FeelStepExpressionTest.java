package io.millflow.engine.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.StepExpression;
import io.millflow.step.StepFailure;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step's FEEL expression takes JSON and gives JSON, on the bounded FEEL: invalid FEEL, a Java
 * call and a runaway loop are refused or stopped with a step failure naming the expression's role.
 */
class FeelStepExpressionTest {

  private final BoundedFeel feel =
      new BoundedFeel(
          new FeelBudget(100_000, Duration.ofMillis(300), 8L << 30, Duration.ofSeconds(10)));

  @AfterEach
  void stop() {
    feel.stop();
  }

  @Test
  void givesTheValueOfTheExpressionOverJsonVariablesAsJson() throws Exception {
    StepExpression pick =
        FeelStepExpression.compile(feel, "recordsExpression", "body.data[qty > 1]");

    JsonNode picked =
        pick.evaluate(
            Json.mapper()
                .readTree(
                    "{\"body\":{\"data\":[{\"part\":\"P1\",\"qty\":1},{\"part\":\"P2\",\"qty\":2.5}]}}"));

    assertThat(picked).isEqualTo(Json.mapper().readTree("[{\"part\":\"P2\",\"qty\":2.5}]"));
    assertThat(pick.evaluate(Json.mapper().readTree("{\"body\":{}}")).isNull()).isTrue();
  }

  @Test
  void refusesInvalidFeelAndAJavaCallBeforeEvaluatingOrWhileEvaluating() {
    assertThatThrownBy(() -> FeelStepExpression.compile(feel, "recordsExpression", "body.("))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("INVALID_EXPRESSION"))
        .hasMessageContaining("recordsExpression");
    assertThatThrownBy(
            () ->
                FeelStepExpression.compile(feel, "recordsExpression", BoundedFeelTest.JAVA_CALL)
                    .evaluate(Json.mapper().createObjectNode()))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> assertThat(e.code()).isIn("INVALID_EXPRESSION", "EXPRESSION_FAILED"))
        .hasMessageContaining(BoundedFeelTest.EXTERNAL_FUNCTIONS_OFF);
  }

  @Test
  void stopsARunawayLoopWithinTheBudget() {
    StepExpression runaway =
        FeelStepExpression.compile(feel, "recordsExpression", BoundedFeelTest.NESTED_RUNAWAY);
    JsonNode longList = Json.mapper().valueToTree(BoundedFeelTest.LONG_LIST);

    assertThatThrownBy(() -> runaway.evaluate(longList))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("EXPRESSION_OVER_BUDGET"));
  }
}
