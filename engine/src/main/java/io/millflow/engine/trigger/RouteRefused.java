package io.millflow.engine.trigger;

/**
 * A route that cannot be saved, naming its field ({@code routes[0].flowId}) for the API's answer.
 */
public class RouteRefused extends IllegalArgumentException {

  private final String field;

  public RouteRefused(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
