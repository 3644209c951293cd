package io.millflow.engine.operaton;

import org.operaton.bpm.engine.delegate.VariableScope;

/** The source of a zeebe:ioMapping entry: a FEEL expression ({@code =} first) or a literal text. */
sealed interface MappingSource {

  Object value(VariableScope scope);

  static MappingSource of(String source, Feel feel, String elementId) {
    return Feel.isExpression(source)
        ? new Expression(feel.parse(source, elementId))
        : new Literal(source);
  }

  record Expression(FeelExpression expression) implements MappingSource {
    @Override
    public Object value(VariableScope scope) {
      return expression.evaluate(scope);
    }
  }

  record Literal(String text) implements MappingSource {
    @Override
    public Object value(VariableScope scope) {
      return text;
    }
  }
}
