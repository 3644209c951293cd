package io.millflow.engine.port;

import java.util.List;

/**
 * The engine cannot run a flow as drawn: each problem names its element (or none) and what to
 * change.
 */
public class FlowRefusedException extends RuntimeException {

  /** One reason, at one element ({@code elementId} may be null for the whole flow). */
  public record Problem(String elementId, String reason) {}

  private final List<Problem> problems;

  public FlowRefusedException(List<Problem> problems) {
    super(
        problems.stream()
            .map(p -> (p.elementId() == null ? "" : p.elementId() + ": ") + p.reason())
            .reduce((a, b) -> a + "; " + b)
            .orElse("The engine refused the flow"));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
