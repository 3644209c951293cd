package io.millflow.engine.feel;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.StepExpression;
import io.millflow.step.StepFailure;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;

/**
 * A step's FEEL expression ({@link io.millflow.step.StepContext#expression}) on the bounded FEEL:
 * compiled once, evaluated on the step's thread under the budget of one evaluation, JSON in and
 * out.
 */
public final class FeelStepExpression implements StepExpression {

  private final String role;
  private final CompiledFeel compiled;

  private FeelStepExpression(String role, CompiledFeel compiled) {
    this.role = role;
    this.compiled = compiled;
  }

  /**
   * @throws StepFailure {@code INVALID_EXPRESSION} when it is not valid FEEL, calls Java, or its
   *     loops would run too long
   */
  public static StepExpression compile(BoundedFeel feel, String role, String expression) {
    try {
      return new FeelStepExpression(role, feel.compile(expression));
    } catch (IllegalArgumentException | FeelOverBudget e) {
      throw new StepFailure(
          "INVALID_EXPRESSION", "The " + role + " cannot be used: " + e.getMessage(), e);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonNode evaluate(JsonNode variables) {
    EvaluationResult result;
    try {
      result = compiled.evaluate(Json.mapper().convertValue(variables, Map.class));
    } catch (FeelOverBudget e) {
      throw new StepFailure(
          "EXPRESSION_OVER_BUDGET", "The " + role + " was stopped: " + e.getMessage(), e);
    }
    if (result.isFailure()) {
      throw new StepFailure(
          "EXPRESSION_FAILED",
          "The " + role + " '" + compiled.text() + "' failed: " + result.failure().message());
    }
    return Json.mapper().valueToTree(result.result());
  }
}
