package io.millflow.step;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A FEEL expression of a step's input, compiled once by the engine ({@link StepContext#expression})
 * and evaluated as often as the step needs (once a page, once a record), each evaluation under the
 * engine's budget: no Java calls, bounded time and memory.
 */
public interface StepExpression {

  /**
   * The expression's value, the fields of {@code variables} (an object) its variables; JSON null
   * for a FEEL null.
   *
   * @throws StepFailure {@code EXPRESSION_FAILED} when the evaluation fails (a wrong type, an
   *     unknown function), {@code EXPRESSION_OVER_BUDGET} when it was stopped for its cost
   */
  JsonNode evaluate(JsonNode variables);
}
