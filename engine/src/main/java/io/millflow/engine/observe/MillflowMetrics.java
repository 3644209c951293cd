package io.millflow.engine.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.millflow.engine.config.MillflowConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Millflow's own meters, in the Prometheus format at {@code /q/metrics} on the management interface
 * (docs/operations.md lists them). Labels are bounded: flow ids, step types, connection and trigger
 * names an admin created, outcomes; never a run id or a record value. The tenant is a label only
 * with {@code millflow.metrics.tenant-label=true}.
 */
@Singleton
public class MillflowMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final boolean tenantLabel;

  @Inject
  public MillflowMetrics(MillflowConfig config) {
    this(config.metrics().tenantLabel(), config.metrics().enabled());
  }

  /** Metrics with the tenant as a label or not ({@code millflow.metrics.tenant-label}). */
  public MillflowMetrics(boolean tenantLabel) {
    this(tenantLabel, true);
  }

  MillflowMetrics(boolean tenantLabel, boolean enabled) {
    this.tenantLabel = tenantLabel;
    if (!enabled) {
      // Every meter becomes a no-op (and /q/metrics lists none): the benchmark's baseline.
      registry.config().meterFilter(MeterFilter.deny());
    }
    // Series that exist from the start, so a dashboard and an alert see 0 rather than nothing.
    counter(
        "millflow.event.deliveries",
        "Outbound event delivery attempts, by outcome",
        null,
        Tags.of("outcome", "delivered"));
    counter(
        "millflow.event.deliveries",
        "Outbound event delivery attempts, by outcome",
        null,
        Tags.of("outcome", "failed"));
    counter(
        "millflow.webhook.requests",
        "Webhook requests, by trigger and the status answered",
        null,
        Tags.of("trigger", "unknown", "status", "404"));
    dispatchLagTimer();
  }

  /** The registry every meter of the runtime is in; scraped at {@code /q/metrics}. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void runStarted(String tenantId, String flowId) {
    counter("millflow.runs.started", "Runs started, by flow", tenantId, Tags.of("flow", flowId))
        .increment();
  }

  /**
   * A run ended ({@code completed}, {@code cancelled}, {@code failed}) or stopped at an incident
   * ({@code incident}).
   */
  public void runEnded(String tenantId, String flowId, String status) {
    counter(
            "millflow.runs.ended",
            "Runs that completed, failed, were cancelled or stopped at an incident, by flow",
            tenantId,
            Tags.of("flow", flowId, "status", status))
        .increment();
  }

  void attemptEnded(String tenantId, String stepType, String outcome, Duration took) {
    Timer.builder("millflow.step.attempt")
        .description("Step attempts: how long they took and how they ended")
        .tags(tags(tenantId, Tags.of("step_type", stepType, "outcome", outcome)))
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /**
   * Records a step read ({@code read}) or wrote ({@code written}) through a connection ("" when it
   * names none).
   */
  void records(String tenantId, String stepType, String connection, String direction, long count) {
    counter(
            "millflow.step.records",
            "Records read and written by steps, by step type and connection",
            tenantId,
            Tags.of("step_type", stepType, "connection", connection, "direction", direction))
        .increment(count);
  }

  /**
   * A webhook request was answered with {@code status}. {@code trigger} is a trigger that exists: a
   * request to an unknown one counts as {@code unknown}, so a caller cannot add labels by inventing
   * names.
   */
  public void webhookAnswered(String trigger, int status) {
    counter(
            "millflow.webhook.requests",
            "Webhook requests, by trigger and the status answered",
            null,
            Tags.of("trigger", trigger, "status", Integer.toString(status)))
        .increment();
  }

  /** How long an accepted webhook waited in the inbox before its dispatch. */
  public void dispatchLag(Duration lag) {
    dispatchLagTimer().record(lag.isNegative() ? Duration.ZERO : lag);
  }

  private Timer dispatchLagTimer() {
    return Timer.builder("millflow.webhook.dispatch.lag")
        .description("From a webhook's acceptance to its dispatch")
        .publishPercentileHistogram()
        .register(registry);
  }

  /** One attempt to deliver an outbound event: {@code delivered} or {@code failed}. */
  public void deliveryAttempted(String outcome) {
    counter(
            "millflow.event.deliveries",
            "Outbound event delivery attempts, by outcome",
            null,
            Tags.of("outcome", outcome))
        .increment();
  }

  private Counter counter(String name, String description, String tenantId, Tags tags) {
    return Counter.builder(name)
        .description(description)
        .tags(tags(tenantId, tags))
        .register(registry);
  }

  Tags tags(String tenantId, Tags tags) {
    return tenantLabel && tenantId != null ? tags.and("tenant", tenantId) : tags;
  }

  boolean tenantLabel() {
    return tenantLabel;
  }
}
