package io.millflow.engine.events;

import java.util.List;

/**
 * Delivers one subscription's due events, a batch at a time, until none is due or a delivery fails:
 * then the subscription backs off alone, and every other subscription's lane goes on. A failing
 * subscription is probed with one event at a time, so its backlog does not spend its attempts while
 * it is down.
 */
final class SubscriptionLane implements Runnable {

  private final DeliveryTarget target;
  private final DeliveryStore store;
  private final EventSender sender;
  private final int batch;

  SubscriptionLane(DeliveryTarget target, DeliveryStore store, EventSender sender, int batch) {
    this.target = target;
    this.store = store;
    this.sender = sender;
    this.batch = batch;
  }

  @Override
  public void run() {
    if (target.secret() == null) {
      store.backOff(target.id()); // its secret cannot be opened: nothing can be signed for it
      return;
    }
    boolean probing = target.failing();
    while (!Thread.currentThread().isInterrupted()) {
      List<DueEvent> due = store.claim(target.id(), probing ? 1 : batch);
      if (due.isEmpty()) {
        return;
      }
      List<Attempt> attempts = sender.sendAll(target, due);
      store.record(target, attempts);
      if (attempts.stream().anyMatch(attempt -> !attempt.delivered())) {
        return;
      }
      probing = false;
    }
  }
}
