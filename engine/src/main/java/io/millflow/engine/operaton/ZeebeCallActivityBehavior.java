package io.millflow.engine.operaton;

import org.operaton.bpm.engine.delegate.VariableScope;
import org.operaton.bpm.engine.impl.bpmn.behavior.CallActivityBehavior;
import org.operaton.bpm.engine.impl.core.model.CallableElement;
import org.operaton.bpm.engine.impl.core.variable.mapping.value.ParameterValueProvider;
import org.operaton.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.operaton.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.operaton.bpm.engine.variable.VariableMap;
import org.operaton.bpm.engine.variable.Variables;

/**
 * A call activity with a zeebe:calledElement, as Zeebe runs it: starts the latest version of the
 * called process in the caller's tenant (the caller's process id is {@code <tenant>.<flow>} for a
 * tenant other than the installation's, and the called flow is named by its flow id, so it gets the
 * same prefix; tenant ids hold no dot). The child gets all of the caller's variables ({@code
 * propagateAllParentVariables}, the default) or only the results of the input mappings; when it
 * completes, its variables become locals of the call activity for the output mappings when there
 * are some, else go to the caller ({@code propagateAllChildVariables}, the default) or nowhere.
 */
final class ZeebeCallActivityBehavior extends CallActivityBehavior {

  private final boolean propagateAllParentVariables;
  private final boolean propagateAllChildVariables;
  private final boolean hasOutputs;

  ZeebeCallActivityBehavior(
      String processId,
      boolean propagateAllParentVariables,
      boolean propagateAllChildVariables,
      boolean hasOutputs) {
    this.propagateAllParentVariables = propagateAllParentVariables;
    this.propagateAllChildVariables = propagateAllChildVariables;
    this.hasOutputs = hasOutputs;
    CallableElement called = new CallableElement();
    called.setDefinitionKeyValueProvider(new SameTenant(processId));
    setCallableElement(called);
  }

  @Override
  protected VariableMap getInputVariables(ActivityExecution execution) {
    return Variables.fromMap(
        propagateAllParentVariables ? execution.getVariables() : execution.getVariablesLocal());
  }

  @Override
  public void passOutputVariables(ActivityExecution execution, VariableScope subInstance) {
    if (hasOutputs) {
      execution.setVariablesLocal(subInstance.getVariables());
    } else if (propagateAllChildVariables) {
      execution.setVariables(subInstance.getVariables());
    }
  }

  /** The called process id with the caller's tenant prefix. */
  private record SameTenant(String processId) implements ParameterValueProvider {
    @Override
    public Object getValue(VariableScope scope) {
      String caller = ((ExecutionEntity) scope).getProcessDefinition().getKey();
      int dot = caller.indexOf('.');
      return dot < 0 ? processId : caller.substring(0, dot + 1) + processId;
    }

    @Override
    public boolean isDynamic() {
      return true;
    }
  }
}
