package io.millflow.engine.trigger;

/**
 * How one route of a trigger was evaluated for one event, as the trigger page shows it: whether its
 * condition held (or why it could not be evaluated), and what it then started.
 *
 * @param route the route's index in the trigger
 * @param condition the route's FEEL condition
 * @param matched whether the condition evaluated to true
 * @param reason why it did not match: the condition's error, a value that is not a boolean, or that
 *     an earlier route matched (the trigger starts the first match only); or, for a match, that its
 *     flow is disabled; null when it matched and started, or was plainly false
 * @param started the run it started or the message it published; null when it did not match
 */
public record RouteEvaluation(
    int route, String condition, boolean matched, String reason, String started) {

  /** A condition's result: matched, or not with the reason when it was not plainly false. */
  public record Condition(boolean matched, String reason) {}

  static RouteEvaluation of(int route, String condition, Condition result) {
    return new RouteEvaluation(route, condition, result.matched(), result.reason(), null);
  }

  static RouteEvaluation skipped(int route, String condition) {
    return new RouteEvaluation(
        route,
        condition,
        false,
        "not evaluated: an earlier route matched and the trigger starts the first match only",
        null);
  }

  /** The condition held, but the route's flow is disabled: it started nothing. */
  RouteEvaluation skippedAsDisabled(String flowId, java.time.Instant since) {
    return new RouteEvaluation(
        route,
        condition,
        true,
        "matched, but flow '" + flowId + "' is disabled (since " + since + "): no run started",
        null);
  }

  RouteEvaluation startedWith(String outcome) {
    return new RouteEvaluation(route, condition, matched, reason, outcome);
  }
}
