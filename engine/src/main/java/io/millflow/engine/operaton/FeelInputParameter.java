package io.millflow.engine.operaton;

import org.operaton.bpm.engine.impl.core.variable.mapping.InputParameter;
import org.operaton.bpm.engine.impl.core.variable.scope.AbstractVariableScope;

/**
 * One zeebe:input: evaluated when the element is activated, into a local variable of the element.
 * As in Zeebe's mapping context, an input sees the inputs before it (it is evaluated in the
 * element's own scope, which falls back to the outer scopes).
 */
final class FeelInputParameter extends InputParameter {

  private final MappingSource source;
  private final VariablePath target;

  FeelInputParameter(MappingSource source, VariablePath target) {
    super(target.variable(), null);
    this.source = source;
    this.target = target;
  }

  @Override
  protected void execute(AbstractVariableScope innerScope, AbstractVariableScope outerScope) {
    Object value = source.value(innerScope);
    innerScope.setVariableLocal(
        target.variable(), target.merge(innerScope.getVariableLocal(target.variable()), value));
  }
}
