package io.millflow.engine.trigger;

import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.feel.FeelOverBudget;
import io.millflow.engine.flow.FlowService;
import io.millflow.engine.history.FlowRun;
import io.millflow.engine.lifecycle.GracefulStop;
import io.millflow.engine.observe.MillflowMetrics;
import io.millflow.engine.observe.Tracing;
import io.millflow.engine.port.Message;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.store.StoreOutage;
import io.millflow.step.Json;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes accepted webhook events from the inbox, drops stale ones, evaluates their trigger's routes
 * and runs the actions, apart from the request that brought them: a slow or failing engine never
 * slows an acknowledgement, and a failed dispatch is retried.
 */
@Singleton
public class WebhookDispatcher {

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final int BATCH = 100;

  private final WebhookInbox inbox;
  private final TriggerStore triggers;
  private final FeelExpressions feel;
  private final EventOrder order;
  private final FlowService flows;
  private final io.millflow.engine.flow.FlowOwners owners;
  private final ProcessEngine engine;
  private final PayloadClaimCheck claimCheck;
  private final WebhookRejections rejections;
  private final MillflowConfig.Webhooks config;
  private final MillflowMetrics metrics;
  private ScheduledExecutorService scheduler;
  private final java.util.concurrent.atomic.AtomicBoolean wakeRequested =
      new java.util.concurrent.atomic.AtomicBoolean();

  public WebhookDispatcher(
      WebhookInbox inbox,
      TriggerStore triggers,
      FeelExpressions feel,
      EventOrder order,
      FlowService flows,
      io.millflow.engine.flow.FlowOwners owners,
      ProcessEngine engine,
      PayloadClaimCheck claimCheck,
      WebhookRejections rejections,
      MillflowConfig config,
      MillflowMetrics metrics) {
    this.rejections = rejections;
    this.metrics = metrics;
    this.inbox = inbox;
    this.owners = owners;
    this.triggers = triggers;
    this.feel = feel;
    this.order = order;
    this.flows = flows;
    this.engine = engine;
    this.claimCheck = claimCheck;
    this.config = config.webhooks();
  }

  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("millflow-webhook-dispatch").daemon().factory());
    scheduler.scheduleWithFixedDelay(this::purgeSafely, 1, 60, TimeUnit.MINUTES);
    if (!config.dispatch()) {
      LOG.warn(
          "Webhook dispatch is off (millflow.webhooks.dispatch=false): accepted webhooks are stored, and start"
              + " flows once an instance with dispatch on runs");
      return;
    }
    scheduler.scheduleWithFixedDelay(this::dispatchDueSafely, 250, 250, TimeUnit.MILLISECONDS);
  }

  /**
   * Removes handled events and refused requests older than the dedup retention; returns how many.
   */
  public int purge() {
    java.time.Instant before = java.time.Instant.now().minus(config.dedupRetention());
    return inbox.purgeHandledBefore(before) + rejections.purgeBefore(before);
  }

  private void purgeSafely() {
    try {
      int purged = purge();
      if (purged > 0) {
        LOG.debugf("Purged %d handled webhooks older than %s", purged, config.dedupRetention());
      }
    } catch (RuntimeException e) {
      LOG.warn("Purging handled webhooks failed; trying again in an hour", e);
    }
  }

  /**
   * Asks for a dispatch now rather than at the next poll, so a flow starts within milliseconds of
   * its webhook. Wakes coalesce: a burst of requests queues one dispatch, which drains the backlog.
   */
  public void wake() {
    if (scheduler != null && config.dispatch() && wakeRequested.compareAndSet(false, true)) {
      scheduler.execute(
          () -> {
            wakeRequested.set(false);
            dispatchDueSafely();
          });
    }
  }

  /** Dispatches what is due now; returns how many events it took. */
  public int dispatchDue() {
    List<InboxEvent> due = inbox.claimDue(BATCH);
    Map<String, Optional<WebhookTrigger>> triggersOfBatch = new HashMap<>();
    List<WebhookInbox.Settled> settled = new ArrayList<>();
    try {
      for (InboxEvent event : due) {
        if (event.attempts() == 1) {
          metrics.dispatchLag(Duration.between(event.receivedAt(), java.time.Instant.now()));
        }
        dispatch(
            event, triggersOfBatch.computeIfAbsent(event.triggerId(), triggers::find), settled);
      }
    } finally {
      inbox.settle(settled);
    }
    return due.size();
  }

  /**
   * Dispatches one event. An event that starts a flow or publishes a message is recorded at once,
   * since its action must not run twice; one that starts nothing (no match, stale) joins {@code
   * settled}, written with the batch.
   */
  private void dispatch(
      InboxEvent event, Optional<WebhookTrigger> trigger, List<WebhookInbox.Settled> settled) {
    if (trigger.isEmpty()) {
      inbox.failed(event, "The trigger no longer exists");
      return;
    }
    List<RouteEvaluation> evaluations = new ArrayList<>();
    try {
      Map<String, Object> context = feelContext(event);
      Optional<String> stale = staleness(trigger.get(), event, context);
      if (stale.isPresent()) {
        settled.add(WebhookInbox.Settled.stale(event.id(), stale.get()));
        return;
      }
      runMatchingRoutes(trigger.get(), event, context, evaluations);
      List<String> outcomes =
          evaluations.stream().map(RouteEvaluation::started).filter(o -> o != null).toList();
      if (outcomes.isEmpty()) {
        settled.add(WebhookInbox.Settled.noMatch(event.id(), evaluations));
      } else {
        // The actions ran: recording that outlasts a short outage, or another dispatch would run
        // them again. It stops before the event's claim runs out, when another instance may take
        // the event.
        StoreOutage.persistently(
            "recording the dispatch of webhook " + event.eventId(),
            WebhookInbox.LEASE.minusSeconds(30),
            () -> {
              inbox.dispatched(event.id(), outcomes, evaluations);
              return null;
            });
      }
    } catch (FeelOverBudget e) {
      // Evaluating it again would cost the same: dead at once, with the reason, until the route is
      // fixed and replayed.
      LOG.warnf(
          "Webhook event %s (trigger %s) is dead: %s",
          event.eventId(), event.triggerId(), e.getMessage());
      inbox.dead(event, e.getMessage() + ". Fix the trigger's expression, then replay the event.");
    } catch (RuntimeException e) {
      LOG.warnf(
          "Dispatch of webhook event %s (trigger %s) failed, attempt %d: %s",
          event.eventId(), event.triggerId(), event.attempts(), e.getMessage());
      inbox.failed(event, e.getMessage(), evaluations);
    }
  }

  /**
   * Evaluates the routes in order and runs the action of each that matches (of the first only,
   * unless the trigger matches all), adding each route's evaluation to {@code evaluations} as it
   * goes, so a failing action leaves what was evaluated before it.
   */
  private void runMatchingRoutes(
      WebhookTrigger trigger,
      InboxEvent event,
      Map<String, Object> context,
      List<RouteEvaluation> evaluations) {
    List<Route> routes = trigger.definition().routes();
    boolean matchedBefore = false;
    for (int i = 0; i < routes.size(); i++) {
      String condition = routes.get(i).condition();
      if (matchedBefore && !trigger.definition().matchAll()) {
        evaluations.add(RouteEvaluation.skipped(i, condition));
        continue;
      }
      RouteEvaluation evaluation =
          RouteEvaluation.of(i, condition, feel.condition(condition, context));
      Optional<java.time.Instant> disabled = disabledTarget(trigger, routes.get(i));
      if (evaluation.matched() && disabled.isPresent()) {
        evaluation = evaluation.skippedAsDisabled(routes.get(i).flowId(), disabled.get());
      }
      evaluations.add(evaluation);
      matchedBefore |= evaluation.matched();
      if (evaluation.matched() && disabled.isEmpty()) {
        evaluations.set(
            evaluations.size() - 1,
            evaluation.startedWith(act(trigger, routes.get(i), i, event, context)));
      }
    }
  }

  /**
   * Since when the flow a route starts is disabled; empty when it starts runs (or routes a
   * message).
   */
  private Optional<java.time.Instant> disabledTarget(WebhookTrigger trigger, Route route) {
    return route.flowId() == null
        ? Optional.empty()
        : flows.disabledSince(trigger.tenantId(), route.flowId());
  }

  /**
   * Empty when the event may be applied; the reason when an event newer for its key was already
   * dispatched.
   */
  private Optional<String> staleness(
      WebhookTrigger trigger, InboxEvent event, Map<String, Object> context) {
    Ordering ordering = trigger.definition().ordering();
    if (ordering == null) {
      return Optional.empty();
    }
    String key = feel.text(ordering.key(), context);
    String sequence = feel.text(ordering.sequence(), context);
    return order.advance(trigger.id(), key, sequence, event.eventId())
        ? Optional.empty()
        : Optional.of(
            "Stale: sequence "
                + sequence
                + " for key '"
                + key
                + "' is not newer than one already applied");
  }

  /** Runs the route's action; returns the id of the run it started, or the message it published. */
  private String act(
      WebhookTrigger trigger,
      Route route,
      int routeIndex,
      InboxEvent event,
      Map<String, Object> context) {
    // A large body travels by reference: the engine refuses a message over 4 MB.
    Map<String, Object> variables =
        claimCheck.small(
            trigger.tenantId(),
            route.variables() == null || route.variables().isBlank()
                ? Map.of("body", context.get("body"))
                : feel.context(route.variables(), context));
    if (route.message() != null) {
      MessageAction message = route.message();
      // The engine drops a message whose id it already has: a re-published one never correlates
      // twice.
      engine.publish(
          new Message(
              owners.messageName(trigger.tenantId(), message.name()),
              feel.text(message.correlationKey(), context),
              event.eventId() + (routeIndex == 0 ? "" : "#" + routeIndex),
              Duration.ofSeconds(message.timeToLiveSeconds()),
              variables));
      return "message:" + message.name();
    }
    // Keyed by the event and route: dispatched again after a crash before it was recorded, it finds
    // the run it started.
    // The run continues the sender's trace, when its request carried one.
    try (var senderTrace = Tracing.continued(event.headers()).makeCurrent()) {
      FlowRun run =
          flows
              .startOnce(
                  trigger.tenantId(),
                  route.flowId(),
                  variables,
                  "webhook:" + event.id() + "#" + routeIndex + "@" + event.dispatchRound(),
                  "trigger:" + trigger.definition().name(),
                  event.eventId())
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "Route to flow '"
                              + route.flowId()
                              + "': no such flow is deployed; deploy it or fix the trigger's route"));
      return run.id().toString();
    }
  }

  private static Map<String, Object> feelContext(InboxEvent event) {
    Map<String, Object> context = new HashMap<>();
    context.put("headers", event.headers());
    context.put("query", event.query());
    context.put("body", body(event.body()));
    return context;
  }

  /** The body as JSON values when it is JSON, else as text. */
  private static Object body(byte[] body) {
    try {
      return Json.mapper().readValue(body, new TypeReference<Object>() {});
    } catch (IOException e) {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private void dispatchDueSafely() {
    try {
      while (dispatchDue() == BATCH) {
        // keep going while there is a backlog
      }
    } catch (RuntimeException e) {
      LOG.warn("Webhook dispatch failed; it runs again shortly", e);
    }
  }

  /** Stops polling; a poll under way may finish (a clean stop waits for it). */
  @PreDestroy
  public void stop() {
    GracefulStop.stop(scheduler, STOP_GRACE);
  }
}
