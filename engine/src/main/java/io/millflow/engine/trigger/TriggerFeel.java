package io.millflow.engine.trigger;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * Every FEEL expression of a trigger checked before it is saved: a typo, or a loop too costly to
 * run (such as {@code count(for i in 1..30000000 return i) > 0}), is refused with the field that
 * holds it, instead of failing for each event later.
 */
@Singleton
public class TriggerFeel {

  private final FeelExpressions feel;

  public TriggerFeel(FeelExpressions feel) {
    this.feel = feel;
  }

  /**
   * @throws IllegalArgumentException naming the field and what is wrong with its expression
   */
  public void check(TriggerDefinition definition) {
    checkRoutes(definition.routes());
    if (definition.ordering() != null) {
      check("The ordering key", definition.ordering().key());
      check("The ordering sequence", definition.ordering().sequence());
    }
  }

  /**
   * @throws RouteRefused naming the route's field ({@code routes[0].condition}) and what is wrong
   *     with its expression
   */
  public void checkRoutes(List<Route> routes) {
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      String field = "Route " + (i + 1) + ": the ";
      String path = "routes[" + i + "].";
      checkRoute(path + "condition", field + "condition", route.condition());
      checkRoute(path + "variables", field + "variables", route.variables());
      if (route.message() != null) {
        checkRoute(
            path + "message.correlationKey",
            field + "message's correlationKey",
            route.message().correlationKey());
      }
    }
  }

  private void checkRoute(String path, String field, String expression) {
    try {
      check(field, expression);
    } catch (IllegalArgumentException e) {
      throw new RouteRefused(path, e.getMessage());
    }
  }

  private void check(String field, String expression) {
    if (expression == null || expression.isBlank()) {
      return;
    }
    feel.problem(expression)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(field + " '" + expression + "' " + problem + ".");
            });
  }
}
