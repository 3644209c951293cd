package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.sandbox.ReleaseStore.Refused;
import io.millflow.sandbox.SandboxJson;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Plex's supplier endpoints as published: {@code GET /mdm/v1/suppliers} (the list, with its
 * filters), {@code POST} (create, 201 with the supplier), {@code GET} and {@code PUT
 * /mdm/v1/suppliers/{id}} (200 with the supplier, 404 unknown). A refused write is a 400 in Plex's
 * error shape, one entry per problem.
 */
final class SuppliersHandler implements HttpHandler {

  private final SupplierStore suppliers;
  private final RecordsHandler list;

  SuppliersHandler(SupplierStore suppliers) {
    this.suppliers = suppliers;
    this.list = new RecordsHandler(PlexResource.SUPPLIERS, suppliers::all);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String rest =
        exchange.getRequestURI().getPath().substring(PlexResource.SUPPLIERS.path().length());
    String method = exchange.getRequestMethod();
    if (rest.isEmpty() || rest.equals("/")) {
      switch (method) {
        case "GET" -> list.handle(exchange);
        case "POST" -> create(exchange);
        default -> notHere(exchange);
      }
    } else if (rest.startsWith("/") && rest.indexOf('/', 1) < 0) {
      String id = rest.substring(1);
      switch (method) {
        case "GET" -> one(exchange, id);
        case "PUT" -> update(exchange, id);
        default -> notHere(exchange);
      }
    } else {
      notHere(exchange);
    }
  }

  private void one(HttpExchange exchange, String id) throws IOException {
    Optional<? extends JsonNode> supplier = suppliers.find(id);
    if (supplier.isPresent()) {
      SandboxJson.write(exchange, 200, supplier.get());
    } else {
      notFound(exchange, id);
    }
  }

  private void create(HttpExchange exchange) throws IOException {
    Optional<JsonNode> body = ReleasesHandler.objectBody(exchange);
    if (body.isEmpty()) {
      return;
    }
    try {
      SandboxJson.write(exchange, 201, suppliers.create(body.get()));
    } catch (Refused e) {
      PlexErrorShape.PLEX.write(exchange, 400, e.getMessage(), e.errors());
    }
  }

  private void update(HttpExchange exchange, String id) throws IOException {
    Optional<JsonNode> body = ReleasesHandler.objectBody(exchange);
    if (body.isEmpty()) {
      return;
    }
    try {
      Optional<? extends JsonNode> updated = suppliers.update(id, body.get());
      if (updated.isPresent()) {
        SandboxJson.write(exchange, 200, updated.get());
      } else {
        notFound(exchange, id);
      }
    } catch (Refused e) {
      PlexErrorShape.PLEX.write(exchange, 400, e.getMessage(), e.errors());
    }
  }

  private static void notFound(HttpExchange exchange, String id) throws IOException {
    PlexErrorShape.PLEX.write(
        exchange, 404, "No supplier with id '" + id + "' was found.", List.of());
  }

  private static void notHere(HttpExchange exchange) throws IOException {
    PlexErrorShape.PLEX.write(exchange, 404, null, List.of());
  }
}
