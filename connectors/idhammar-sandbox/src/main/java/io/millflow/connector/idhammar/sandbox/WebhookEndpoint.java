package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig.WebhookConfig;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /_sandbox/webhook}: where downtime events are pushed, set at run time. The secret is never
 * shown back.
 *
 * <pre>
 * curl -X POST localhost:8091/_sandbox/webhook -d '{"url":"http://127.0.0.1:8080/webhooks/oee","secret":"s3cret"}'
 * curl localhost:8091/_sandbox/webhook            # the target and its delivery counts
 * curl -X DELETE localhost:8091/_sandbox/webhook  # no more pushes
 * </pre>
 *
 * {@code intervalMillis} (1000) is how often the sandbox looks for new events.
 */
final class WebhookEndpoint implements HttpHandler {

  static final String PATH = "/_sandbox/webhook";

  private final IdhammarSandbox sandbox;
  private final ErrorBody errors = new ErrorBody();

  WebhookEndpoint(IdhammarSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> SandboxJson.write(exchange, 200, state());
      case "DELETE" -> {
        sandbox.pushTo(null);
        SandboxJson.write(exchange, 200, state());
      }
      case "POST" -> set(exchange);
      default ->
          errors.write(exchange, 405, null, "Use GET, POST or DELETE on " + PATH + ".", null);
    }
  }

  private void set(HttpExchange exchange) throws IOException {
    Optional<JsonNode> body = SandboxJson.read(exchange).filter(JsonNode::isObject);
    WebhookConfig target;
    try {
      JsonNode json = body.orElseThrow(() -> new IllegalArgumentException("Send a JSON object."));
      WebhookConfig defaults =
          WebhookConfig.of(URI.create(json.path("url").asText()), json.path("secret").asText());
      if (defaults.url().getHost() == null) {
        throw new IllegalArgumentException("'url' must be an http(s) URL.");
      }
      target =
          new WebhookConfig(
              defaults.url(),
              defaults.secret(),
              Duration.ofMillis(json.path("intervalMillis").asLong(defaults.interval().toMillis())),
              defaults.maxAttempts(),
              defaults.firstBackoff());
    } catch (IllegalArgumentException e) {
      errors.write(
          exchange,
          400,
          "invalid_request",
          "Send {\"url\":\"http://...\",\"secret\":\"...\"} (and"
              + " optionally \"intervalMillis\"): "
              + e.getMessage(),
          null);
      return;
    }
    sandbox.pushTo(target);
    SandboxJson.write(exchange, 200, state());
  }

  private ObjectNode state() {
    WebhookConfig target = sandbox.webhookTarget();
    return Json.mapper()
        .createObjectNode()
        .put("url", target == null ? null : target.url().toString())
        .put("intervalMillis", target == null ? null : target.interval().toMillis())
        .put("delivered", sandbox.webhookDeliveries())
        .put("failedAttempts", sandbox.webhookFailedAttempts());
  }
}
