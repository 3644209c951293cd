package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.protocol.PlexTimestamps;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code POST /_sandbox/touch}: edit a record now (or at {@code modifiedAt}), so that an
 * incremental sync has something new to find. Not part of Plex, open without a key like the kit's
 * faults endpoint.
 *
 * <pre>
 * curl -X POST localhost:8089/_sandbox/touch -d '{"resource":"purchase-orders","id":"5b0c..."}'
 * curl -X POST localhost:8089/_sandbox/touch \
 *     -d '{"resource":"containers","id":"S00000042","modifiedAt":"2025-02-01T00:00:00Z"}'
 * </pre>
 */
final class TouchEndpoint implements HttpHandler {

  static final String PATH = "/_sandbox/touch";
  private static final String ORDERS = "purchase-orders";

  private final PlexSandbox sandbox;
  private final Clock clock;

  TouchEndpoint(PlexSandbox sandbox, Clock clock) {
    this.sandbox = sandbox;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Optional<JsonNode> body = SandboxJson.read(exchange).filter(JsonNode::isObject);
    if (!exchange.getRequestMethod().equals("POST") || body.isEmpty()) {
      refuse(
          exchange,
          "POST a JSON object such as {\"resource\":\"purchase-orders\",\"id\":\"...\"}.");
      return;
    }
    String resource = body.get().path("resource").asText("");
    String id = body.get().path("id").asText("");
    try {
      Instant when =
          body.get().hasNonNull("modifiedAt")
              ? PlexTimestamps.parseStrict(body.get().get("modifiedAt").asText())
              : clock.instant();
      if (resource.equals(ORDERS)) {
        sandbox.touchPurchaseOrder(id, when);
      } else {
        sandbox.touch(
            PlexResource.named(resource)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Resource '"
                                + resource
                                + "' is none of "
                                + ORDERS
                                + ", suppliers, parts, containers")),
            id,
            when);
      }
      SandboxJson.write(
          exchange,
          200,
          Json.mapper()
              .createObjectNode()
              .put("resource", resource)
              .put("id", id)
              .put("modifiedAt", PlexTimestamps.format(when)));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      refuse(exchange, e.getMessage());
    }
  }

  private static void refuse(HttpExchange exchange, String message) throws IOException {
    PlexErrorShape.PLEX.write(exchange, 400, null, message, null);
  }
}
