package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.protocol.PlexResource;
import io.millflow.connector.plex.sandbox.ReleaseStore.Refused;
import io.millflow.sandbox.ResourceRoutes;
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
final class SuppliersHandler {

  private final SupplierStore suppliers;
  private final RecordsHandler list;

  SuppliersHandler(SupplierStore suppliers) {
    this.suppliers = suppliers;
    this.list = new RecordsHandler(PlexResource.SUPPLIERS, suppliers::all);
  }

  /** Every call on {@code /mdm/v1/suppliers}, routed to its handler. */
  HttpHandler routes() {
    return ResourceRoutes.at(PlexResource.SUPPLIERS.path(), PlexErrorShape.PLEX)
        .collection("GET", list)
        .collection("POST", this::create)
        .item("GET", this::one)
        .item("PUT", this::update);
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
}
