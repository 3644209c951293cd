package io.millflow.engine.operaton;

import java.util.Collection;
import org.operaton.bpm.engine.impl.bpmn.behavior.SequentialMultiInstanceActivityBehavior;
import org.operaton.bpm.engine.impl.pvm.delegate.ActivityExecution;

/**
 * A sequential multi-instance body running a {@link ZeebeLoop}: the input collection is FEEL, its
 * element a local variable of each instance, {@code loopCounter} counts from 1 as in Zeebe.
 */
final class ZeebeSequentialLoopBehavior extends SequentialMultiInstanceActivityBehavior
    implements ZeebeLoop.Behavior {

  private final ZeebeLoop loop;

  ZeebeSequentialLoopBehavior(ZeebeLoop loop) {
    this.loop = loop;
  }

  @Override
  public ZeebeLoop loop() {
    return loop;
  }

  @Override
  public void execute(ActivityExecution execution) throws Exception {
    loop.openOutput(execution, resolveNrOfInstances(execution));
    super.execute(execution);
  }

  @Override
  protected int resolveNrOfInstances(ActivityExecution execution) {
    return loop.collection(execution).size();
  }

  @Override
  protected Collection<?> evaluateCollection(ActivityExecution execution) {
    return loop.collection(execution);
  }

  @Override
  protected void evaluateCollectionVariable(
      ActivityExecution execution, Collection<?> collection, int loopCounter) {
    if (loop.inputElement() != null) {
      setLoopVariable(execution, loop.inputElement(), getElementAtIndex(loopCounter, collection));
    }
  }

  @Override
  protected void setLoopVariable(ActivityExecution execution, String name, Object value) {
    super.setLoopVariable(execution, name, ZeebeLoop.toEngine(name, value));
  }

  @Override
  protected Integer getLoopVariable(ActivityExecution execution, String name) {
    return ZeebeLoop.fromEngine(name, super.getLoopVariable(execution, name));
  }

  @Override
  protected Integer getLocalLoopVariable(ActivityExecution execution, String name) {
    return ZeebeLoop.fromEngine(name, super.getLocalLoopVariable(execution, name));
  }
}
