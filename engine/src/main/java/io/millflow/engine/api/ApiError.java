package io.millflow.engine.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.millflow.engine.flow.FlowProblem;
import java.util.List;

/**
 * The body of every error answer: a code, a sentence a person can act on, the field it is about
 * where one is ({@code settings.port}, {@code routes[0].flowId}; left out otherwise), and the
 * problems per BPMN element.
 */
public record ApiError(
    String error,
    String message,
    @JsonInclude(JsonInclude.Include.NON_NULL) String field,
    List<FlowProblem> problems) {

  public static ApiError of(String error, String message) {
    return new ApiError(error, message, null, List.of());
  }

  public static ApiError about(String field, String error, String message) {
    return new ApiError(error, message, field, List.of());
  }
}
