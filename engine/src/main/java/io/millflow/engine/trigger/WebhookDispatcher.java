package io.millflow.engine.trigger;

import com.fasterxml.jackson.core.type.TypeReference;
import io.millflow.engine.flow.FlowService;
import io.millflow.engine.history.FlowRun;
import io.millflow.step.Json;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * Takes accepted webhook events from the inbox, evaluates their trigger's routes and starts the flows, apart from the
 * request that brought them: a slow or failing Zeebe never slows an acknowledgement, and a failed dispatch is retried.
 */
@Singleton
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final int BATCH = 20;

  private final WebhookInbox inbox;
  private final TriggerStore triggers;
  private final FeelExpressions feel;
  private final FlowService flows;
  private ScheduledExecutorService scheduler;

  public WebhookDispatcher(WebhookInbox inbox, TriggerStore triggers, FeelExpressions feel, FlowService flows) {
    this.inbox = inbox;
    this.triggers = triggers;
    this.feel = feel;
    this.flows = flows;
  }

  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("millflow-webhook-dispatch").daemon().factory());
    scheduler.scheduleWithFixedDelay(this::dispatchDueSafely, 250, 250, TimeUnit.MILLISECONDS);
  }

  /** Dispatches what is due now; returns how many events it took. */
  public int dispatchDue() {
    List<InboxEvent> due = inbox.claimDue(BATCH);
    due.forEach(this::dispatch);
    return due.size();
  }

  private void dispatch(InboxEvent event) {
    Optional<WebhookTrigger> trigger = triggers.find(event.triggerId());
    if (trigger.isEmpty()) {
      inbox.failed(event, "The trigger no longer exists");
      return;
    }
    try {
      Map<String, Object> context = feelContext(event);
      List<String> runs = new ArrayList<>();
      for (Route route : trigger.get().definition().routes()) {
        if (feel.isTrue(route.condition(), context)) {
          runs.add(start(trigger.get(), route, context).id().toString());
          if (!trigger.get().definition().matchAll()) {
            break;
          }
        }
      }
      if (runs.isEmpty()) {
        inbox.noMatch(event.id());
      } else {
        inbox.dispatched(event.id(), runs);
      }
    } catch (RuntimeException e) {
      LOG.warnf("Dispatch of webhook event %s (trigger %s) failed, attempt %d: %s", event.eventId(), event.triggerId(),
          event.attempts(), e.getMessage());
      inbox.failed(event, e.getMessage());
    }
  }

  private FlowRun start(WebhookTrigger trigger, Route route, Map<String, Object> context) {
    Map<String, Object> variables = route.variables() == null || route.variables().isBlank()
        ? Map.of("body", context.get("body")) : feel.context(route.variables(), context);
    return flows.start(trigger.tenantId(), route.flowId(), variables).orElseThrow(() -> new IllegalStateException(
        "Route to flow '" + route.flowId() + "': no such flow is deployed; deploy it or fix the trigger's route"));
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

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
