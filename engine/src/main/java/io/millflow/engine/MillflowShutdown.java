package io.millflow.engine;

import io.millflow.engine.connection.ConnectionHealth;
import io.millflow.engine.dataset.DatasetRetention;
import io.millflow.engine.events.EventDelivery;
import io.millflow.engine.history.HistoryRetention;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.trigger.WebhookDispatcher;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Takes the runtime down in order, before any bean is destroyed: the pollers stop (no webhook is
 * dispatched, no event delivered, no health check started), then the engine's workers stop fetching
 * and the attempts in flight finish or are handed back, then the engine stops. The state store and
 * the sandboxes close last, as beans, when nothing needs them any more. (Bean destruction alone has
 * no order: the store could close under a running attempt.)
 */
@Singleton
public class MillflowShutdown {

  private static final Logger LOG = Logger.getLogger(MillflowShutdown.class);

  void onStop(
      @Observes ShutdownEvent event,
      ProcessEngine engine,
      WebhookDispatcher webhooks,
      EventDelivery events,
      ConnectionHealth health,
      DatasetRetention retention,
      HistoryRetention history)
      throws Exception {
    LOG.info("Millflow stopping: workers finish the attempts in flight");
    webhooks.stop();
    events.stop();
    health.stop();
    retention.stop();
    history.stop();
    if (engine instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
