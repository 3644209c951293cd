package io.millflow.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;

/**
 * How one system writes an error answer: Plex {@code {"code","message","errors"}}, NetSuite's
 * problem JSON with {@code o:errorDetails}, ... The kit's faults and guards answer through it, so
 * an injected 503 looks exactly like the system's own.
 */
@FunctionalInterface
public interface ErrorShape {

  /**
   * @param code the system's error code, or null for its usual code of {@code status}
   * @param message a human message, or null for the usual one
   * @param retryAfter sent as {@code Retry-After} in whole seconds (rounded up); null sends none
   */
  void write(HttpExchange exchange, int status, String code, String message, Duration retryAfter)
      throws IOException;

  /**
   * {@code Retry-After} in whole seconds, rounded up, so a client that waits exactly this long is
   * let through.
   */
  static void retryAfter(HttpExchange exchange, Duration retryAfter) {
    if (retryAfter != null) {
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1_000);
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
    }
  }
}
