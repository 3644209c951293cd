package io.millflow.engine.trigger;

/**
 * One route of a webhook trigger: when the FEEL {@code condition} over {@code body}, {@code headers} and {@code query}
 * is true, start {@code flowId} with the variables the FEEL context expression {@code variables} builds (for example
 * {@code {orderId: body.id}}; empty: the whole body as {@code body}).
 */
public record Route(String condition, String flowId, String variables) {

  public Route {
    condition = condition == null || condition.isBlank() ? "true" : condition;
    if (flowId == null || flowId.isBlank()) {
      throw new IllegalArgumentException("routes[].flowId is required: the id of the flow the route starts");
    }
  }
}
