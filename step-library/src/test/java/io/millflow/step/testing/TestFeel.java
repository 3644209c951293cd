package io.millflow.step.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.StepExpression;
import io.millflow.step.StepFailure;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * The FEEL engine the runtime evaluates with (external functions off), for {@link
 * TestStepContext#expression}: the same language, without the engine's time and memory budget. A
 * module whose tests evaluate FEEL puts {@code org.camunda.feel:feel-engine} on its test path.
 */
final class TestFeel implements StepExpression {

  private static final FeelEngineApi ENGINE =
      FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();

  private final String role;
  private final ParsedExpression parsed;

  private TestFeel(String role, ParsedExpression parsed) {
    this.role = role;
    this.parsed = parsed;
  }

  static StepExpression compile(String role, String expression) {
    ParseResult parse = ENGINE.parseExpression(expression);
    if (parse.isFailure()) {
      throw new StepFailure(
          "INVALID_EXPRESSION",
          "The "
              + role
              + " cannot be used: it is not valid FEEL ("
              + parse.failure().message()
              + ")");
    }
    return new TestFeel(role, parse.parsedExpression());
  }

  @Override
  @SuppressWarnings("unchecked")
  public JsonNode evaluate(JsonNode variables) {
    EvaluationResult result =
        ENGINE.evaluate(parsed, Json.mapper().convertValue(variables, Map.class));
    if (result.isFailure()) {
      throw new StepFailure(
          "EXPRESSION_FAILED",
          "The " + role + " '" + parsed.text() + "' failed: " + result.failure().message());
    }
    return Json.mapper().valueToTree(result.result());
  }
}
