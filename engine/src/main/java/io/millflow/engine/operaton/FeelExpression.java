package io.millflow.engine.operaton;

import java.util.Map;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.operaton.bpm.engine.delegate.VariableScope;

/** A parsed FEEL expression of one element, ready to evaluate many times. */
record FeelExpression(Feel feel, ParsedExpression parsed, String source, String elementId) {

  Object evaluate(VariableScope scope) {
    return feel.evaluate(this, scope);
  }

  Object evaluate(Map<String, Object> variables) {
    return feel.evaluate(this, variables);
  }
}
