package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.sandbox.PurchaseOrderSearch.InvalidSearch;
import io.millflow.connector.plex.sandbox.ReleaseStore.Refused;
import io.millflow.sandbox.ResourceRoutes;
import io.millflow.sandbox.SandboxJson;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Plex's purchase-order release endpoints as published: {@code GET} and {@code POST
 * /purchasing/v2-beta1/releases} (list; create, 201 with the release), {@code GET} and {@code PUT
 * .../releases/{id}} (200 with the release, 404 unknown), and {@code POST
 * /purchasing/v1/releases/{id}/cancel} (200 without a body). A refused write is a 400 in Plex's
 * error shape, one entry per problem.
 */
final class ReleasesHandler {

  static final String PATH = "/purchasing/v2-beta1/releases";
  static final String CANCEL_PATH = "/purchasing/v1/releases";

  private final ReleaseStore releases;

  ReleasesHandler(ReleaseStore releases) {
    this.releases = releases;
  }

  /** Every call on {@value #PATH}, routed to its handler. */
  HttpHandler routes() {
    return ResourceRoutes.at(PATH, PlexErrorShape.PLEX)
        .collection("GET", this::list)
        .collection("POST", this::create)
        .item("GET", this::one)
        .item("PUT", this::update);
  }

  /** Every call on {@value #CANCEL_PATH}: only {@code POST .../{id}/cancel} is there. */
  HttpHandler cancelRoutes() {
    return ResourceRoutes.at(CANCEL_PATH, PlexErrorShape.PLEX)
        .action("POST", "cancel", this::cancel);
  }

  private void list(HttpExchange exchange) throws IOException {
    try {
      ReleaseSearch search =
          ReleaseSearch.parse(QueryParameters.parse(exchange.getRequestURI().getRawQuery()));
      SandboxJson.array(exchange, releases.search(search));
    } catch (InvalidSearch e) {
      PlexErrorShape.PLEX.write(exchange, 400, "The request is invalid.", e.errors());
    }
  }

  private void one(HttpExchange exchange, String id) throws IOException {
    Optional<? extends JsonNode> release = releases.find(id);
    if (release.isPresent()) {
      SandboxJson.write(exchange, 200, release.get());
    } else {
      notFound(exchange, id);
    }
  }

  private void create(HttpExchange exchange) throws IOException {
    Optional<JsonNode> body = objectBody(exchange);
    if (body.isEmpty()) {
      return;
    }
    try {
      SandboxJson.write(exchange, 201, releases.create(body.get()));
    } catch (Refused e) {
      PlexErrorShape.PLEX.write(exchange, 400, e.getMessage(), e.errors());
    }
  }

  private void update(HttpExchange exchange, String id) throws IOException {
    Optional<JsonNode> body = objectBody(exchange);
    if (body.isEmpty()) {
      return;
    }
    try {
      Optional<? extends JsonNode> updated = releases.update(id, body.get());
      if (updated.isPresent()) {
        SandboxJson.write(exchange, 200, updated.get());
      } else {
        notFound(exchange, id);
      }
    } catch (Refused e) {
      PlexErrorShape.PLEX.write(exchange, 400, e.getMessage(), e.errors());
    }
  }

  private void cancel(HttpExchange exchange, String id) throws IOException {
    Optional<JsonNode> body = objectBody(exchange);
    if (body.isEmpty()) {
      return;
    }
    String status = body.get().path("status").asText(PlexGuesses.RELEASE_CANCELED_STATUS);
    if (releases.cancel(id, status)) {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    } else {
      notFound(exchange, id);
    }
  }

  /** The request's JSON object; empty after answering 400 when it is none. */
  static Optional<JsonNode> objectBody(HttpExchange exchange) throws IOException {
    Optional<JsonNode> body = SandboxJson.read(exchange).filter(JsonNode::isObject);
    if (body.isEmpty()) {
      PlexErrorShape.PLEX.write(
          exchange,
          400,
          "The request body must be a JSON object.",
          List.of(
              new PlexErrorShape.ErrorDetail(
                  "INVALID_BODY", "The request body must be a JSON object.")));
    }
    return body;
  }

  private static void notFound(HttpExchange exchange, String id) throws IOException {
    PlexErrorShape.PLEX.write(
        exchange, 404, "No release with id '" + id + "' was found.", List.of());
  }
}
