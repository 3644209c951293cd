package io.millflow.engine.operaton;

import io.millflow.engine.feel.BoundedFeel;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.operaton.bpm.engine.delegate.VariableScope;

/**
 * FEEL as Zeebe evaluates it (feel-engine, the one Millflow uses everywhere), for the expressions
 * of a flow: parsed once at deploy, so a bad expression fails the deploy naming its element, then
 * evaluated against an Operaton variable scope, reading only the variables the expression names.
 * External (Java) functions are off. Bounded like every user FEEL in Millflow ({@link
 * BoundedFeel}): an expression whose loops would run too long is refused at deploy, and an
 * evaluation that spends more than the budget is stopped.
 */
final class Feel {

  private final FeelEngineApi engine =
      FeelEngineBuilder.forJava().withEnabledExternalFunctions(false).build();
  private final BoundedFeel bounds;

  Feel(BoundedFeel bounds) {
    this.bounds = bounds;
  }

  /**
   * Whether a text is a FEEL expression in the Camunda 8 dialect ({@code =} first); otherwise it is
   * a literal.
   */
  static boolean isExpression(String text) {
    return text != null && text.trim().startsWith("=");
  }

  /**
   * Parses an expression (with or without its leading {@code =}).
   *
   * @throws FeelException naming the element when it is not valid FEEL
   */
  FeelExpression parse(String text, String elementId) {
    String source = strip(text);
    ParseResult parsed = engine.parseExpression(source);
    if (parsed.isFailure()) {
      throw new FeelException(
          "the FEEL expression '"
              + source
              + "' of "
              + elementId
              + " does not parse: "
              + parsed.failure().message());
    }
    bounds
        .problem(source)
        .ifPresent(
            problem -> {
              throw new FeelException(
                  "the FEEL expression '" + source + "' of " + elementId + " " + problem);
            });
    return new FeelExpression(this, parsed.parsedExpression(), source, elementId);
  }

  Object evaluate(FeelExpression expression, VariableScope scope) {
    return result(
        expression,
        bounds.onThisThread(() -> engine.evaluate(expression.parsed(), new ScopeContext(scope))));
  }

  Object evaluate(FeelExpression expression, Map<String, Object> variables) {
    return result(
        expression, bounds.onThisThread(() -> engine.evaluate(expression.parsed(), variables)));
  }

  private static Object result(FeelExpression expression, EvaluationResult result) {
    if (result.isFailure()) {
      throw new FeelException(
          "the FEEL expression '"
              + expression.source()
              + "' of "
              + expression.elementId()
              + " failed: "
              + result.failure().message());
    }
    return FeelValues.toVariable(result.result());
  }

  private static String strip(String text) {
    String trimmed = text.trim();
    return trimmed.startsWith("=") ? trimmed.substring(1).trim() : trimmed;
  }
}
