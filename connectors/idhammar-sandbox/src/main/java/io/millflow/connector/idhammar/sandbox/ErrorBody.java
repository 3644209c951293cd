package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.sandbox.ErrorShape;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * The API's one error shape, whatever the status: {@code
 * {"error":{"status":401,"code":"unauthorized","message":"...","requestId":"..."}}}. The request id
 * is the caller's {@code X-Request-Id} when it sent one, and is echoed in the response header of
 * the same name.
 */
final class ErrorBody implements ErrorShape {

  static final String REQUEST_ID = "X-Request-Id";

  @Override
  public void write(
      HttpExchange exchange, int status, String code, String message, Duration retryAfter)
      throws IOException {
    ErrorShape.retryAfter(exchange, retryAfter);
    ObjectNode error = Json.mapper().createObjectNode();
    error
        .putObject("error")
        .put("status", status)
        .put("code", code != null ? code : usualCode(status))
        .put("message", message != null ? message : usualMessage(status))
        .put("requestId", requestId(exchange));
    SandboxJson.write(exchange, status, error);
  }

  /** The caller's request id, or a new one; set on the response either way. */
  static String requestId(HttpExchange exchange) {
    String id = exchange.getResponseHeaders().getFirst(REQUEST_ID);
    if (id == null) {
      id = exchange.getRequestHeaders().getFirst(REQUEST_ID);
      id = id == null || id.isBlank() || id.length() > 100 ? UUID.randomUUID().toString() : id;
      exchange.getResponseHeaders().set(REQUEST_ID, id);
    }
    return id;
  }

  static String usualCode(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 429 -> "rate_limited";
      case 503 -> "unavailable";
      default -> status >= 500 ? "internal_error" : "request_rejected";
    };
  }

  private static String usualMessage(int status) {
    return switch (status) {
      case 401 -> "Missing or invalid API token: send 'Authorization: Bearer <api token>'.";
      case 403 -> "The API token may not read this resource.";
      case 404 -> "No such resource.";
      case 429 -> "Too many requests for this API token; retry after the time in Retry-After.";
      case 503 -> "The service is unavailable; retry later.";
      default ->
          status >= 500 ? "The server failed to answer the request." : "The request was rejected.";
    };
  }
}
