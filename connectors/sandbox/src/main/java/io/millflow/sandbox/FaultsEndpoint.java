package io.millflow.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.sandbox.Faults.Delay;
import io.millflow.sandbox.Faults.Failure;
import io.millflow.sandbox.Faults.Fault;
import io.millflow.step.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /_sandbox/faults}: set faults by hand. Not part of any real system, and open without
 * credentials, like the rest of a local sandbox's controls. Each POST sets one thing:
 *
 * <pre>
 * curl -X POST localhost:8089/_sandbox/faults -d '{"status":503,"times":2}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"status":429,"retryAfterSeconds":30}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"delayMillis":5000}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"errorRate":0.1,"status":500}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"latencyMillis":200}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"outageSeconds":60}'
 * curl -X POST localhost:8089/_sandbox/faults -d '{"credentialsRevoked":true}'
 * curl localhost:8089/_sandbox/faults            # what is set
 * curl -X DELETE localhost:8089/_sandbox/faults  # nothing any more
 * </pre>
 */
public final class FaultsEndpoint implements HttpHandler {

  public static final String PATH = "/_sandbox/faults";

  private final Faults faults;
  private final ErrorShape errors;

  public FaultsEndpoint(Faults faults, ErrorShape errors) {
    this.faults = faults;
    this.errors = errors;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> SandboxJson.write(exchange, 200, state());
      case "DELETE" -> {
        faults.clear();
        SandboxJson.write(exchange, 200, state());
      }
      case "POST" -> set(exchange);
      default ->
          errors.write(exchange, 405, null, "Use GET, POST or DELETE on " + PATH + ".", null);
    }
  }

  private void set(HttpExchange exchange) throws IOException {
    Optional<JsonNode> body = SandboxJson.read(exchange).filter(JsonNode::isObject);
    if (body.isEmpty()) {
      errors.write(
          exchange, 400, null, "Send a JSON object such as {\"status\":503,\"times\":2}.", null);
      return;
    }
    try {
      apply(body.get());
    } catch (IllegalArgumentException e) {
      errors.write(exchange, 400, null, e.getMessage(), null);
      return;
    }
    SandboxJson.write(exchange, 200, state());
  }

  private void apply(JsonNode body) {
    if (body.has("errorRate")) {
      faults.errorRate(body.get("errorRate").asDouble(), body.path("status").asInt(503));
    } else if (body.has("latencyMillis")) {
      faults.latency(Duration.ofMillis(body.get("latencyMillis").asLong()));
    } else if (body.has("outageSeconds")) {
      faults.outage(Duration.ofSeconds(body.get("outageSeconds").asLong()));
    } else if (body.has("credentialsRevoked")) {
      faults.revokeCredentials(body.get("credentialsRevoked").asBoolean());
    } else {
      faults.plan(body.path("times").asInt(1), fault(body));
    }
  }

  private static Fault fault(JsonNode body) {
    if (body.has("delayMillis")) {
      return new Delay(Duration.ofMillis(body.get("delayMillis").asLong()));
    }
    if (!body.has("status")) {
      throw new IllegalArgumentException(
          "Give one of: \"status\" (with \"times\", \"code\", \"retryAfterSeconds\"),"
              + " \"delayMillis\", \"errorRate\", \"latencyMillis\", \"outageSeconds\", \"credentialsRevoked\".");
    }
    Duration retryAfter =
        body.has("retryAfterSeconds")
            ? Duration.ofSeconds(body.get("retryAfterSeconds").asLong())
            : null;
    String code = body.hasNonNull("code") ? body.get("code").asText() : null;
    return new Failure(body.get("status").asInt(), code, retryAfter);
  }

  private JsonNode state() {
    Faults.State state = faults.state();
    ObjectNode json = Json.mapper().createObjectNode();
    ArrayNode planned = json.putArray("planned");
    for (Faults.Planned next : state.planned()) {
      ObjectNode entry = planned.addObject().put("times", next.remaining());
      switch (next.fault()) {
        case Failure failure -> {
          entry.put("status", failure.status()).put("code", failure.code());
          if (failure.retryAfter() != null) {
            entry.put("retryAfterSeconds", failure.retryAfter().toSeconds());
          }
        }
        case Delay delay -> entry.put("delayMillis", delay.delay().toMillis());
      }
    }
    json.put("errorRate", state.errorRate())
        .put("errorStatus", state.errorStatus())
        .put("latencyMillis", state.latency().toMillis())
        .put("outageUntil", state.outageUntil() == null ? null : state.outageUntil().toString())
        .put("credentialsRevoked", state.credentialsRevoked());
    return json;
  }
}
