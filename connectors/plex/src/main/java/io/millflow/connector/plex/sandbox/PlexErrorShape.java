package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.connector.plex.PlexGuesses;
import io.millflow.step.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Writes the sandbox's answers: JSON bodies, streamed bare arrays, and errors in Plex's error shape. */
final class SandboxResponses {

  /** One entry of a Plex error body's {@code errors} list. */
  record ErrorDetail(String code, String message) {}

  private SandboxResponses() {}

  static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = Json.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A bare JSON array, as every Plex list endpoint answers, written item by item so no list is held in memory. */
  static void array(HttpExchange exchange, Stream<JsonNode> items) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody();
        JsonGenerator generator = Json.mapper().createGenerator(out);
        Stream<JsonNode> stream = items) {
      generator.writeStartArray();
      Iterator<JsonNode> iterator = stream.iterator();
      while (iterator.hasNext()) {
        Json.mapper().writeTree(generator, iterator.next());
      }
      generator.writeEndArray();
    }
  }

  /** {@code {"code":"...","message":"...","errors":[...]}} with the status's usual code. */
  static void error(HttpExchange exchange, int status, String message, List<ErrorDetail> errors) throws IOException {
    error(exchange, status, codeOf(status), message, errors, null);
  }

  static void error(HttpExchange exchange, int status, String code, String message, List<ErrorDetail> errors,
      Duration retryAfter) throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("code", code == null ? codeOf(status) : code);
    body.put("message", message != null ? message
        : PlexGuesses.QUOTA_EXCEEDED_CODE.equals(code) ? "The usage quota of this key is used up. Retry later."
        : messageOf(status));
    if (!errors.isEmpty()) {
      ArrayNode details = body.putArray("errors");
      errors.forEach(error -> details.addObject().put("code", error.code()).put("message", error.message()));
    }
    if (retryAfter != null) {
      // Whole seconds, rounded up: a client that waits exactly this long is let through.
      long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1_000);
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
    }
    json(exchange, status, body);
  }

  /** Exactly what Plex answers a missing or wrong key. */
  static void notAuthenticated(HttpExchange exchange) throws IOException {
    error(exchange, 401, "REQUEST_NOT_AUTHENTICATED", "The request could not be authenticated.", List.of(), null);
  }

  static String codeOf(int status) {
    return switch (status) {
      case 400 -> "REQUEST_VALIDATION_FAILED";
      case 401 -> "REQUEST_NOT_AUTHENTICATED";
      case 403 -> PlexGuesses.FORBIDDEN_CODE;
      case 404 -> PlexGuesses.NOT_FOUND_CODE;
      case 405 -> "METHOD_NOT_ALLOWED";
      case 429 -> PlexGuesses.RATE_LIMITED_CODE;
      case 500 -> "INTERNAL_SERVER_ERROR";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> "HTTP_" + status;
    };
  }

  private static String messageOf(int status) {
    return switch (status) {
      case 400 -> "The request is invalid.";
      case 401 -> "The request could not be authenticated.";
      case 403 -> "The request is not authorized.";
      case 404 -> "The requested resource was not found.";
      case 429 -> "Too many requests: the usage limit of this key is reached. Retry later.";
      case 503 -> "The service is temporarily unavailable.";
      default -> "The request failed (" + status + ").";
    };
  }
}
