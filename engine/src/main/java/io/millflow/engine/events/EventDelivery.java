package io.millflow.engine.events;

import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.lifecycle.GracefulStop;
import io.millflow.engine.net.OutboundAddresses;
import io.millflow.engine.observe.MillflowMetrics;
import io.millflow.engine.observe.Tracing;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox, each subscription on lanes of its own ({@link SubscriptionLane}): a
 * subscriber that is slow, down or answers garbage holds only its own lanes and backs off alone,
 * while every other subscription's events keep flowing. Per subscription, several lanes deliver a
 * batch at a time each ({@code millflow.events.*}), so a backlog drains with that many requests in
 * flight over kept-alive connections.
 */
@Singleton
public class EventDelivery {

  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /** Subscriptions delivered to at once by this instance; more wait for the next poll. */
  static final int MAX_SUBSCRIPTIONS = 64;

  private static final Logger LOG = Logger.getLogger(EventDelivery.class);

  private final DeliveryStore store;
  private final MillflowConfig.Events config;
  private final EventSender sender;

  /** Lanes running per subscription on this instance. */
  private final Map<UUID, AtomicInteger> running = new ConcurrentHashMap<>();

  private final ExecutorService lanes =
      Executors.newThreadPerTaskExecutor(
          Thread.ofVirtual().name("millflow-event-lane-", 0).factory());
  private ScheduledExecutorService scheduler;

  public EventDelivery(
      DeliveryStore store,
      MillflowConfig config,
      OutboundAddresses addresses,
      MillflowMetrics metrics,
      Tracing tracing) {
    this.store = store;
    this.config = config.events();
    this.sender = new EventSender(addresses, metrics, tracing);
  }

  public void start() {
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("millflow-event-delivery").daemon().factory());
    scheduler.scheduleWithFixedDelay(this::startLanesSafely, 250, 250, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts lanes for the subscriptions with events due that have none running here; returns how
   * many it started.
   */
  int startLanes() {
    int free = MAX_SUBSCRIPTIONS - running.size();
    if (free <= 0) {
      return 0;
    }
    List<DeliveryTarget> ready = store.ready(Set.copyOf(running.keySet()), free);
    for (DeliveryTarget target : ready) {
      AtomicInteger count = running.computeIfAbsent(target.id(), id -> new AtomicInteger());
      int lanesOfTarget = target.failing() ? 1 : config.lanesPerSubscription();
      count.addAndGet(lanesOfTarget);
      for (int i = 0; i < lanesOfTarget; i++) {
        lanes.execute(() -> runLane(target));
      }
    }
    return ready.size();
  }

  private void runLane(DeliveryTarget target) {
    try {
      new SubscriptionLane(target, store, sender, config.batch()).run();
    } catch (RuntimeException e) {
      LOG.warnf(
          e,
          "Delivering events to subscription %s stopped; it goes on at the next poll",
          target.id());
    } finally {
      running.computeIfPresent(
          target.id(), (id, count) -> count.decrementAndGet() == 0 ? null : count);
    }
  }

  /** A subscription's recent events, newest first, each with every attempt to deliver it. */
  public List<Delivery> deliveries(UUID subscription, int limit) {
    return store.deliveries(subscription, limit);
  }

  private void startLanesSafely() {
    try {
      startLanes();
    } catch (RuntimeException e) {
      LOG.warn("Looking for events to deliver failed; it runs again shortly", e);
    }
  }

  /** Stops looking for events; a delivery under way may finish (a clean stop waits for it). */
  @PreDestroy
  public void stop() {
    GracefulStop.stop(scheduler, STOP_GRACE);
    GracefulStop.stop(lanes, STOP_GRACE);
  }
}
