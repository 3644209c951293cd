package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.connector.plex.sandbox.PlexErrorShape.ErrorDetail;
import io.millflow.sandbox.ResourceRoutes;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code GET} and {@code POST /inventory/v1/inventory-receiving/receipts} as published: a list
 * filtered by {@code externalReceiptCode} and {@code partId}, and a create of {@code {id,
 * externalReceiptCode, supplierId}} answered 201 with the receipt ({@code receivedContainers} empty
 * until containers are received, {@code supplierCode} from the supplier). Thread-safe.
 */
final class ReceiptsHandler {

  static final String PATH = "/inventory/v1/inventory-receiving/receipts";

  private final Map<String, ObjectNode> receipts = new ConcurrentHashMap<>();
  private final SupplierStore suppliers;

  ReceiptsHandler(SupplierStore suppliers) {
    this.suppliers = suppliers;
  }

  /** Every call on {@value #PATH}, routed to its handler: Plex publishes no receipt by id. */
  HttpHandler routes() {
    return ResourceRoutes.at(PATH, PlexErrorShape.PLEX)
        .collection("GET", this::list)
        .collection("POST", this::create);
  }

  private void list(HttpExchange exchange) throws IOException {
    QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    String code = query.first("externalReceiptCode").orElse(null);
    String part = query.first("partId").orElse(null);
    SandboxJson.array(
        exchange,
        receipts.values().stream()
            .filter(r -> code == null || code.equals(r.path("externalReceiptCode").asText()))
            .filter(r -> part == null || hasPart(r, part))
            .map(ObjectNode::deepCopy));
  }

  private void create(HttpExchange exchange) throws IOException {
    Optional<JsonNode> body = ReleasesHandler.objectBody(exchange);
    if (body.isEmpty()) {
      return;
    }
    List<ErrorDetail> errors = new ArrayList<>();
    for (String field : PlexGuesses.RECEIPT_REQUIRED_ON_CREATE) {
      if (!body.get().hasNonNull(field) || body.get().get(field).asText().isBlank()) {
        errors.add(
            new ErrorDetail(
                PlexGuesses.FIELD_REQUIRED_CODE,
                "'" + field + "' is required to create a receipt."));
      }
    }
    String supplierId = body.get().path("supplierId").asText(null);
    Optional<ObjectNode> supplier =
        supplierId == null ? Optional.empty() : suppliers.find(supplierId);
    if (supplierId != null && supplier.isEmpty()) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.INVALID_REFERENCE_CODE,
              "No supplier with id '" + supplierId + "' exists."));
    }
    if (!errors.isEmpty()) {
      PlexErrorShape.PLEX.write(exchange, 400, errors.getFirst().message(), errors);
      return;
    }
    String id = body.get().path("id").asText(UUID.randomUUID().toString());
    ObjectNode receipt = Json.mapper().createObjectNode();
    receipt.put("id", id);
    receipt.put("externalReceiptCode", body.get().get("externalReceiptCode").asText());
    receipt.putArray("receivedContainers");
    receipt.put("supplierId", supplierId);
    receipt.put("supplierCode", supplier.get().path("code").asText(null));
    if (receipts.putIfAbsent(id, receipt) != null) {
      PlexErrorShape.PLEX.write(
          exchange,
          400,
          "A receipt with id '" + id + "' exists.",
          List.of(
              new ErrorDetail(
                  PlexGuesses.DUPLICATE_ID_CODE, "A receipt with id '" + id + "' exists.")));
      return;
    }
    SandboxJson.write(exchange, 201, receipt);
  }

  /** How many receipts were created. */
  int count() {
    return receipts.size();
  }

  private static boolean hasPart(JsonNode receipt, String partId) {
    for (JsonNode container : receipt.path("receivedContainers")) {
      if (partId.equals(container.path("partId").asText())) {
        return true;
      }
    }
    return false;
  }
}
