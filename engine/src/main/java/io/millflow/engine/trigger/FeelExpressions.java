package io.millflow.engine.trigger;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.feel.FeelOverBudget;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import org.camunda.feel.api.EvaluationResult;

/**
 * FEEL as webhook triggers use it: conditions, keys and variable mappings, evaluated by the {@link
 * BoundedFeel} evaluator. An expression too costly to run, or given up for spending its budget,
 * throws {@link FeelOverBudget}: the same event would cost the same again, so the dispatcher does
 * not retry it.
 */
@Singleton
public class FeelExpressions {

  private final BoundedFeel feel;

  public FeelExpressions(BoundedFeel feel) {
    this.feel = feel;
  }

  /**
   * True only when the expression evaluates to true; anything else (false, null, a failure) does
   * not match.
   */
  public boolean isTrue(String expression, Map<String, Object> context) {
    return condition(expression, context).matched();
  }

  /**
   * A route condition's result, with the reason it did not match when it failed or gave no boolean.
   */
  public RouteEvaluation.Condition condition(String expression, Map<String, Object> context) {
    EvaluationResult result = feel.evaluate(expression, context);
    if (!result.isSuccess()) {
      return new RouteEvaluation.Condition(false, result.failure().message());
    }
    if (!(result.result() instanceof Boolean)) {
      return new RouteEvaluation.Condition(
          false, "gave " + result.result() + ", not true or false");
    }
    return new RouteEvaluation.Condition(Boolean.TRUE.equals(result.result()), null);
  }

  /**
   * The value of an expression as text (an ordering key, a sequence, a correlation key); a failure
   * is an error.
   */
  public String text(String expression, Map<String, Object> context) {
    EvaluationResult result = feel.evaluate(expression, context);
    if (!result.isSuccess() || result.result() == null) {
      throw new IllegalArgumentException(
          "FEEL expression '"
              + expression
              + "' gave no value"
              + (result.isSuccess() ? "" : ": " + result.failure().message()));
    }
    Object value = result.result();
    return value instanceof BigDecimal number ? number.toPlainString() : String.valueOf(value);
  }

  /** A FEEL context expression evaluated to a map, for a flow's start variables. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> context(String expression, Map<String, Object> context) {
    EvaluationResult result = feel.evaluate(expression, context);
    if (!result.isSuccess()) {
      throw new IllegalArgumentException(
          "FEEL expression '" + expression + "' failed: " + result.failure().message());
    }
    if (!(result.result() instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException(
          "FEEL expression '"
              + expression
              + "' must give a context such as {id: body.id}, "
              + "not "
              + result.result());
    }
    return (Map<String, Object>) map;
  }

  /**
   * Why an expression may not be saved: it is not valid FEEL, or its loops would run beyond the
   * budget (checked when triggers and routes are saved, before any event); empty when it may.
   */
  public Optional<String> problem(String expression) {
    return feel.problem(expression);
  }
}
