package io.millflow.engine.observe;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.step.Json;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's endpoints, on Quarkus' management interface ({@code quarkus.management.*}: port
 * 9000, loopback unless configured otherwise), never on the API port that webhook senders reach:
 * {@code /q/metrics} (Prometheus text format), {@code /q/health/live} and {@code /q/health/ready}
 * (MicroProfile Health's JSON shape, 503 when down).
 */
@Singleton
public class ManagementRoutes {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final MillflowMetrics metrics;
  private final StoreGauges gauges;
  private final Readiness readiness;

  public ManagementRoutes(MillflowMetrics metrics, StoreGauges gauges, Readiness readiness) {
    this.metrics = metrics;
    this.gauges = gauges;
    this.readiness = readiness;
  }

  void register(@Observes ManagementInterface management) {
    management.router().get("/q/metrics").blockingHandler(this::metrics, false);
    management
        .router()
        .get("/q/health/live")
        .handler(context -> health(context, Map.of("alive", true)));
    management
        .router()
        .get("/q/health/ready")
        .blockingHandler(context -> health(context, readiness.check()), false);
    management
        .router()
        .get("/q/health")
        .blockingHandler(
            context -> {
              Map<String, Boolean> all = new LinkedHashMap<>(Map.of("alive", true));
              all.putAll(readiness.check());
              health(context, all);
            },
            false);
  }

  private void metrics(RoutingContext context) {
    gauges.refresh();
    context.response().putHeader("Content-Type", PROMETHEUS_TEXT).end(metrics.registry().scrape());
  }

  private static void health(RoutingContext context, Map<String, Boolean> checks) {
    boolean up = checks.values().stream().allMatch(Boolean::booleanValue);
    List<Map<String, String>> each =
        checks.entrySet().stream()
            .map(
                check -> Map.of("name", check.getKey(), "status", check.getValue() ? "UP" : "DOWN"))
            .toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    body.put("checks", each);
    try {
      context
          .response()
          .setStatusCode(up ? 200 : 503)
          .putHeader("Content-Type", "application/json")
          .end(Json.mapper().writeValueAsString(body));
    } catch (JsonProcessingException e) {
      context.fail(e);
    }
  }
}
