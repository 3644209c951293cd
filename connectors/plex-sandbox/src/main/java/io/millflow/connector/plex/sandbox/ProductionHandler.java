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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /production/v1/control/workcenters/{workcenterId}/record-batch-production} as
 * published: a body of {@code {batchId, batchComponentQuantities, operatorId, quantity, lotId,
 * locationId, partId, supplyItemId}}, answered 200 with the recorded production (the part, the
 * quantity, a new container's serial and tracking number, the workcenter), 404 for an unknown
 * workcenter. Plex offers no key that makes a second call a no-op: every accepted call records
 * production again, as in Plex. Thread-safe.
 */
final class ProductionHandler {

  static final String PATH = "/production/v1/control/workcenters";

  /** {@code GET .../{id}}: the workcenter, as Plex's production definitions publish it. */
  static final String DEFINITIONS_PATH = "/production/v1/production-definitions/workcenters";

  private static final String RECORD = "record-batch-production";

  private final Map<String, String> workcenterCodes = new HashMap<>();
  private final ResourceData parts;
  private final List<ObjectNode> recorded = new CopyOnWriteArrayList<>();
  private final AtomicLong serials = new AtomicLong();

  ProductionHandler(MasterDataGenerator generator, ResourceData parts) {
    for (int i = 0; i < generator.workcenters(); i++) {
      workcenterCodes.put(generator.workcenterId(i), "WC-%03d".formatted(i + 1));
    }
    this.parts = parts;
  }

  /** Every call on {@value #PATH}: only {@code POST .../{id}/record-batch-production} is there. */
  HttpHandler routes() {
    return ResourceRoutes.at(PATH, PlexErrorShape.PLEX).action("POST", RECORD, this::record);
  }

  /** Every call on {@value #DEFINITIONS_PATH}: only {@code GET .../{id}} is there. */
  HttpHandler definitionRoutes() {
    return ResourceRoutes.at(DEFINITIONS_PATH, PlexErrorShape.PLEX).item("GET", this::definition);
  }

  private void record(HttpExchange exchange, String workcenter) throws IOException {
    if (!workcenterCodes.containsKey(workcenter)) {
      PlexErrorShape.PLEX.write(
          exchange, 404, "No workcenter with id '" + workcenter + "' was found.", List.of());
      return;
    }
    Optional<JsonNode> body = ReleasesHandler.objectBody(exchange);
    if (body.isEmpty()) {
      return;
    }
    List<ErrorDetail> errors = problems(body.get());
    if (!errors.isEmpty()) {
      PlexErrorShape.PLEX.write(exchange, 400, errors.getFirst().message(), errors);
      return;
    }
    ObjectNode production = production(workcenter, body.get());
    recorded.add(production);
    SandboxJson.write(exchange, 200, production);
  }

  /**
   * {@code GET /production/v1/production-definitions/workcenters/{id}}: 200 with the workcenter's
   * id and code, 404 for an unknown one (as recording production on it answers).
   */
  private void definition(HttpExchange exchange, String id) throws IOException {
    if (!workcenterCodes.containsKey(id)) {
      PlexErrorShape.PLEX.write(
          exchange, 404, "No workcenter with id '" + id + "' was found.", List.of());
      return;
    }
    ObjectNode workcenter = Json.mapper().createObjectNode();
    workcenter.put("id", id).put("workcenterCode", workcenterCodes.get(id));
    SandboxJson.write(exchange, 200, workcenter);
  }

  /** Every production recorded, oldest first, as answered. */
  List<ObjectNode> recorded() {
    return recorded.stream().map(ObjectNode::deepCopy).toList();
  }

  private List<ErrorDetail> problems(JsonNode body) {
    List<ErrorDetail> errors = new ArrayList<>();
    JsonNode quantity = body.get("quantity");
    if (quantity == null || quantity.isNull()) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.FIELD_REQUIRED_CODE, "'quantity' is required to record production."));
    } else if (!quantity.isNumber() || quantity.doubleValue() <= 0) {
      errors.add(
          new ErrorDetail(
              "INVALID_VALUE", "'quantity' must be a number above 0, not " + quantity + "."));
    }
    if (!body.hasNonNull("partId") && !body.hasNonNull("supplyItemId")) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.FIELD_REQUIRED_CODE, "'partId' or 'supplyItemId' is required."));
    }
    checkPart(body.path("partId").asText(null), errors);
    for (JsonNode component : body.path("batchComponentQuantities")) {
      checkPart(component.path("partId").asText(null), errors);
    }
    return errors;
  }

  private void checkPart(String partId, List<ErrorDetail> errors) {
    if (partId != null && parts.indexOf(partId) < 0) {
      errors.add(
          new ErrorDetail(
              PlexGuesses.INVALID_REFERENCE_CODE, "No part with id '" + partId + "' exists."));
    }
  }

  private ObjectNode production(String workcenter, JsonNode body) {
    ObjectNode production = Json.mapper().createObjectNode();
    production.put("batchId", body.path("batchId").asText(UUID.randomUUID().toString()));
    String partId = body.path("partId").asText(null);
    production.put("partId", partId);
    if (partId != null) {
      ObjectNode part = parts.record(parts.indexOf(partId));
      production.put("partNumber", part.path("number").asText());
      production.put("partRevision", part.path("revision").asText());
      production.put(
          "partNumberRevision",
          part.path("number").asText() + "-" + part.path("revision").asText());
    }
    production.put("quantity", body.get("quantity").decimalValue());
    String serial = "P%07d".formatted(serials.incrementAndGet());
    production.put("serialNo", serial);
    production.put("trackingNo", serial);
    production.put("workcenterId", workcenter);
    production.put("workcenterCode", workcenterCodes.get(workcenter));
    production.put("locationId", body.path("locationId").asText(null));
    return production;
  }
}
