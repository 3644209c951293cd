package io.millflow.engine.operaton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.operaton.bpm.engine.delegate.DelegateExecution;
import org.operaton.bpm.engine.delegate.ExecutionListener;
import org.operaton.bpm.engine.delegate.VariableScope;
import org.operaton.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.operaton.bpm.engine.impl.core.variable.mapping.OutputParameter;
import org.operaton.bpm.engine.impl.core.variable.scope.AbstractVariableScope;

/**
 * A zeebe:loopCharacteristics of a multi-instance activity, as Zeebe runs it: the input collection
 * (FEEL, must be a list) gives one instance per element, each with the element as its local {@code
 * inputElement}; the output collection starts as a list of nulls in the multi-instance body, each
 * instance's {@code outputElement} (FEEL, evaluated in the instance as it completes) is written at
 * its index, and the body hands the list to the scope around it when it ends.
 *
 * @param outputCollection null when the loop collects nothing (then {@code outputElement} is null
 *     too)
 */
record ZeebeLoop(
    String elementId,
    FeelExpression inputCollection,
    String inputElement,
    String outputCollection,
    FeelExpression outputElement) {

  /** What the two multi-instance behaviors share: the loop they run. */
  interface Behavior {
    ZeebeLoop loop();
  }

  /**
   * A loop variable as the engine keeps it: Zeebe counts {@code loopCounter} from 1, Operaton from
   * 0.
   */
  static Object toEngine(String name, Object zeebeValue) {
    return MultiInstanceActivityBehavior.LOOP_COUNTER.equals(name)
        ? (Integer) zeebeValue + 1
        : zeebeValue;
  }

  /** A loop variable as Operaton's own logic reads it back (the inverse of {@link #toEngine}). */
  static Integer fromEngine(String name, Integer storedValue) {
    return MultiInstanceActivityBehavior.LOOP_COUNTER.equals(name) && storedValue != null
        ? storedValue - 1
        : storedValue;
  }

  /** The input collection, evaluated now in this scope. */
  List<?> collection(VariableScope scope) {
    Object value = inputCollection.evaluate(scope);
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof Collection<?> collection) {
      return new ArrayList<>(collection);
    }
    throw new FeelException(
        "the input collection '"
            + inputCollection.source()
            + "' of the multi-instance activity "
            + elementId
            + " is not a list but "
            + (value == null ? "null" : describe(value)));
  }

  /**
   * Creates the output collection as a local variable of the multi-instance body: a null per
   * instance.
   */
  void openOutput(VariableScope body, int instances) {
    if (outputCollection != null) {
      body.setVariableLocal(
          outputCollection, new ArrayList<>(Collections.nCopies(instances, null)));
    }
  }

  /**
   * The listener on the inner activity's end that writes the instance's output element at its
   * index.
   */
  ExecutionListener outputCollector() {
    return this::collect;
  }

  /**
   * The output of the body's end: the output collection into the scope around it (where it exists,
   * else the process).
   */
  OutputParameter outputHandOver() {
    String name = outputCollection;
    return new OutputParameter(name, null) {
      @Override
      protected void execute(AbstractVariableScope innerScope, AbstractVariableScope outerScope) {
        outerScope.setVariable(name, innerScope.getVariableLocal(name));
      }
    };
  }

  private void collect(DelegateExecution instance) {
    if (outputCollection == null || instance.isCanceled()) {
      return;
    }
    Object value = outputElement.evaluate(instance);
    int index =
        ((Number) instance.getVariable(MultiInstanceActivityBehavior.LOOP_COUNTER)).intValue() - 1;
    AbstractVariableScope body = (AbstractVariableScope) instance;
    while (body != null && !body.hasVariableLocal(outputCollection)) {
      body = body.getParentVariableScope();
    }
    if (body == null) {
      throw new FeelException(
          "the output collection " + outputCollection + " of " + elementId + " is gone");
    }
    List<Object> collected = new ArrayList<>((List<?>) body.getVariableLocal(outputCollection));
    collected.set(index, value);
    body.setVariableLocal(outputCollection, collected);
  }

  private static String describe(Object value) {
    return switch (value) {
      case String text ->
          "the text \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
      case Number number -> "the number " + number;
      case Boolean bool -> "the boolean " + bool;
      case java.util.Map<?, ?> map -> "a context";
      default -> value.getClass().getSimpleName();
    };
  }
}
