package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.sandbox.SandboxFaults.Delay;
import io.millflow.connector.plex.sandbox.SandboxFaults.Failure;
import io.millflow.connector.plex.sandbox.SandboxFaults.Fault;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code /_sandbox/faults}: plan faults by hand. Not part of Plex, and open without a key, like the rest of a local
 * sandbox's controls.
 *
 * <pre>
 * curl -X POST localhost:8089/_sandbox/faults -d '{"status":503,"times":2}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"status":429,"retryAfterSeconds":30}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"delayMillis":5000}'
 * curl localhost:8089/_sandbox/faults            # what is planned
 * curl -X DELETE localhost:8089/_sandbox/faults  # plan nothing
 * </pre>
 */
final class FaultsHandler implements HttpHandler {

  static final String PATH = "/_sandbox/faults";

  private final SandboxFaults faults;

  FaultsHandler(SandboxFaults faults) {
    this.faults = faults;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> SandboxResponses.json(exchange, 200, pending());
      case "DELETE" -> {
        faults.clear();
        SandboxResponses.json(exchange, 200, pending());
      }
      case "POST" -> plan(exchange);
      default -> SandboxResponses.error(exchange, 405, "Use GET, POST or DELETE.", List.of());
    }
  }

  private void plan(HttpExchange exchange) throws IOException {
    JsonNode body;
    try (InputStream in = exchange.getRequestBody()) {
      body = Json.mapper().readTree(in);
    } catch (JsonProcessingException e) {
      SandboxResponses.error(exchange, 400, "The body is not JSON: " + e.getOriginalMessage(), List.of());
      return;
    }
    try {
      faults.plan(body.path("times").asInt(1), fault(body));
    } catch (IllegalArgumentException e) {
      SandboxResponses.error(exchange, 400, e.getMessage(), List.of());
      return;
    }
    SandboxResponses.json(exchange, 200, pending());
  }

  private static Fault fault(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("Send a JSON object such as {\"status\":503,\"times\":2}.");
    }
    if (body.has("delayMillis")) {
      return new Delay(Duration.ofMillis(body.get("delayMillis").asLong()));
    }
    if (!body.has("status")) {
      throw new IllegalArgumentException("Give a \"status\" (e.g. 503) or a \"delayMillis\".");
    }
    Duration retryAfter =
        body.has("retryAfterSeconds") ? Duration.ofSeconds(body.get("retryAfterSeconds").asLong()) : null;
    String code = body.hasNonNull("code") ? body.get("code").asText() : null;
    return new Failure(body.get("status").asInt(), code, retryAfter);
  }

  private JsonNode pending() {
    ArrayNode list = Json.mapper().createArrayNode();
    for (SandboxFaults.Planned planned : faults.pending()) {
      ObjectNode entry = list.addObject().put("times", planned.remaining());
      switch (planned.fault()) {
        case Failure failure -> {
          entry.put("status", failure.status())
              .put("code", failure.code() != null ? failure.code() : SandboxResponses.codeOf(failure.status()));
          if (failure.retryAfter() != null) {
            entry.put("retryAfterSeconds", failure.retryAfter().toSeconds());
          }
        }
        case Delay delay -> entry.put("delayMillis", delay.delay().toMillis());
      }
    }
    return list;
  }
}
