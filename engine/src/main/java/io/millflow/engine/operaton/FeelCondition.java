package io.millflow.engine.operaton;

import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.VariableScope;
import org.operaton.bpm.engine.impl.Condition;

/**
 * A FEEL condition of a sequence flow. As in Zeebe, anything but true or false is an error (the
 * gateway, run as a job, then stops at an incident that names the flow and the value).
 */
final class FeelCondition implements Condition {

  private final FeelExpression expression;
  private final String flowId;

  FeelCondition(FeelExpression expression, String flowId) {
    this.expression = expression;
    this.flowId = flowId;
  }

  @Override
  public boolean evaluate(DelegateExecution execution) {
    return evaluate(execution, execution);
  }

  @Override
  public boolean evaluate(VariableScope scope, DelegateExecution execution) {
    Object value = expression.evaluate(scope);
    if (value instanceof Boolean result) {
      return result;
    }
    throw new FeelException(
        "the condition '"
            + expression.source()
            + "' of sequence flow "
            + flowId
            + " gave "
            + (value == null ? "null" : value + " (" + value.getClass().getSimpleName() + ")")
            + ", not true or false");
  }

  @Override
  public boolean tryEvaluate(VariableScope scope, DelegateExecution execution) {
    try {
      return evaluate(scope, execution);
    } catch (FeelException e) {
      return false;
    }
  }
}
