package io.millflow.engine.api;

import io.millflow.engine.flow.FlowProblem;
import java.util.List;

/**
 * The body of every error answer: a code, a sentence a person can act on, and the problems per BPMN
 * element.
 */
public record ApiError(String error, String message, List<FlowProblem> problems) {

  public static ApiError of(String error, String message) {
    return new ApiError(error, message, List.of());
  }
}
