package io.millflow.engine.trigger;

import io.millflow.engine.input.TextInput;

/**
 * One route of a webhook trigger: when the FEEL {@code condition} over {@code body}, {@code
 * headers} and {@code query} is true, either start {@code flowId} or publish {@code message}, with
 * the variables the FEEL context expression {@code variables} builds (for example {@code {orderId:
 * body.id}}; empty: the whole body as {@code body}). {@code flowId} must name a deployed flow when
 * the route is saved, unless {@code deployLater} says the flow comes afterwards (its events wait
 * and are retried until it does).
 */
public record Route(
    String condition,
    @TextInput(TextInput.Kind.NAME) String flowId,
    MessageAction message,
    String variables,
    boolean deployLater) {

  public Route(String condition, String flowId, MessageAction message, String variables) {
    this(condition, flowId, message, variables, false);
  }

  public Route {
    condition = condition == null || condition.isBlank() ? "true" : condition;
    boolean startsFlow = flowId != null && !flowId.isBlank();
    if (startsFlow == (message != null)) {
      throw new IllegalArgumentException(
          "each of routes[] needs exactly one action: flowId (the flow to start) or "
              + "message {name, correlationKey}");
    }
  }
}
