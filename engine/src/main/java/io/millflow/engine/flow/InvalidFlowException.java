package io.millflow.engine.flow;

import java.util.List;

/** A BPMN that Millflow or Zeebe refuses; the API answers 400 with the problems. */
public class InvalidFlowException extends RuntimeException {

  private final List<FlowProblem> problems;

  public InvalidFlowException(List<FlowProblem> problems) {
    super(
        problems.stream()
            .map(p -> (p.elementId() == null ? "" : p.elementId() + ": ") + p.reason())
            .reduce((a, b) -> a + "; " + b)
            .orElse("invalid flow"));
    this.problems = List.copyOf(problems);
  }

  public List<FlowProblem> problems() {
    return problems;
  }
}
