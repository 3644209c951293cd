package io.millflow.engine.operaton;

import org.operaton.bpm.engine.impl.core.variable.mapping.OutputParameter;
import org.operaton.bpm.engine.impl.core.variable.scope.AbstractVariableScope;

/**
 * One zeebe:output: evaluated when the element completes, in the element's scope (which holds the
 * completion's variables as locals), into the outer scope, where the variable is set where it
 * exists, else at the process (Zeebe's propagation).
 */
final class FeelOutputParameter extends OutputParameter {

  private final MappingSource source;
  private final VariablePath target;

  FeelOutputParameter(MappingSource source, VariablePath target) {
    super(target.variable(), null);
    this.source = source;
    this.target = target;
  }

  @Override
  protected void execute(AbstractVariableScope innerScope, AbstractVariableScope outerScope) {
    Object value = source.value(innerScope);
    outerScope.setVariable(
        target.variable(), target.merge(outerScope.getVariable(target.variable()), value));
  }
}
