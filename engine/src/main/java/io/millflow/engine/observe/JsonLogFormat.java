package io.millflow.engine.observe;

import io.millflow.engine.config.MillflowConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.logging.Handler;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * With {@code millflow.log.json=true}, the console writes one JSON object per line (timestamp,
 * level, logger, message, the log context with run id, flow id and step type, and the exception),
 * for a log shipper to read. Switched as the runtime starts, before Millflow's own start-up: the
 * few lines Quarkus writes while booting stay text.
 */
@Singleton
public class JsonLogFormat {

  void onStart(@Observes @Priority(1) StartupEvent event, MillflowConfig config) {
    if (!config.log().json()) {
      return;
    }
    JsonLogLine json = new JsonLogLine();
    for (Handler handler : LogContext.getLogContext().getLogger("").getHandlers()) {
      consoleOf(handler, json);
    }
  }

  /**
   * Quarkus wraps its console handler (async, delayed); the formatter goes on the console handler
   * itself.
   */
  private static void consoleOf(Handler handler, JsonLogLine json) {
    if (handler instanceof ConsoleHandler console) {
      console.setFormatter(json);
    } else if (handler instanceof org.jboss.logmanager.ExtHandler wrapper) {
      for (Handler inner : wrapper.getHandlers()) {
        consoleOf(inner, json);
      }
    }
  }
}
