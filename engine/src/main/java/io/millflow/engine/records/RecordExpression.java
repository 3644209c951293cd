package io.millflow.engine.records;

import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.feel.CompiledFeel;
import io.millflow.engine.feel.FeelOverBudget;
import io.millflow.step.StepFailure;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;

/**
 * A step's FEEL expression over one record at a time: compiled once per attempt, evaluated per
 * record on the step's thread under the budget of one FEEL evaluation. The record's fields are its
 * variables, and the whole record is {@code record}.
 */
final class RecordExpression {

  private final String role;
  private final CompiledFeel compiled;

  private RecordExpression(String role, CompiledFeel compiled) {
    this.role = role;
    this.compiled = compiled;
  }

  /**
   * @param role what the expression is to the step ("expression", "condition", "key"), for messages
   * @throws StepFailure {@code INVALID_EXPRESSION} when it is not valid FEEL, calls Java, or its
   *     loops would run too long
   */
  static RecordExpression compile(BoundedFeel feel, String role, String expression) {
    try {
      return new RecordExpression(role, feel.compile(expression));
    } catch (IllegalArgumentException | FeelOverBudget e) {
      throw new StepFailure(
          "INVALID_EXPRESSION", "The " + role + " cannot be used: " + e.getMessage(), e);
    }
  }

  /**
   * The expression's value for this record.
   *
   * @throws RecordRejected when the evaluation fails
   * @throws StepFailure {@code EXPRESSION_OVER_BUDGET} when the evaluation was stopped for its
   *     cost: the step stops at once, since the next record would cost as much
   */
  Object valueFor(Map<String, Object> record) {
    EvaluationResult result;
    try {
      result = compiled.evaluate(variables(record));
    } catch (FeelOverBudget e) {
      throw new StepFailure(
          "EXPRESSION_OVER_BUDGET", "The " + role + " was stopped: " + e.getMessage(), e);
    }
    if (result.isFailure()) {
      throw new RecordRejected("the " + role + " failed", result.failure().message());
    }
    return result.result();
  }

  private static Map<String, Object> variables(Map<String, Object> record) {
    Map<String, Object> variables = new HashMap<>(record);
    variables.put("record", record);
    return variables;
  }

  /** What kind of value a result is, without the value: for a reject's reason. */
  static String kindOf(Object value) {
    return switch (value) {
      case null -> "null";
      case Boolean ignored -> "true or false";
      case Number ignored -> "a number";
      case CharSequence ignored -> "a text";
      case List<?> ignored -> "a list";
      case Map<?, ?> ignored -> "a context";
      default -> "a " + value.getClass().getSimpleName();
    };
  }
}
