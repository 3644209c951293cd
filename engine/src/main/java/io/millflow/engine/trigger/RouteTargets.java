package io.millflow.engine.trigger;

import io.millflow.engine.flow.FlowService;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The flows a trigger's routes start must exist when the routes are saved: a route to a flow that
 * is not there would be accepted and then fail for every event until its retries ran out. A route
 * may say {@code "deployLater": true} when its flow is deployed afterwards on purpose (a folder of
 * flows applied in any order); its events then wait, retried, until the flow exists.
 */
@Singleton
public class RouteTargets {

  private final FlowService flows;

  public RouteTargets(FlowService flows) {
    this.flows = flows;
  }

  /**
   * @throws RouteRefused naming the first route whose flow the tenant has not deployed
   */
  public void check(String tenantId, List<Route> routes) {
    for (int i = 0; i < routes.size(); i++) {
      Route route = routes.get(i);
      if (route.flowId() != null
          && !route.deployLater()
          && !flows.exists(tenantId, route.flowId())) {
        throw new RouteRefused(
            "routes[" + i + "].flowId",
            "routes["
                + i
                + "].flowId names the flow '"
                + route.flowId()
                + "', which is not deployed: deploy it first, correct the id, or set"
                + " \"deployLater\": true on the route if it is deployed afterwards");
      }
    }
  }
}
