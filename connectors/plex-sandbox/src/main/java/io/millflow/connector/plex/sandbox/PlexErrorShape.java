package io.millflow.connector.plex.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.connector.plex.protocol.PlexGuesses;
import io.millflow.sandbox.ErrorShape;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Plex Connect's error body, {@code
 * {"code":"...","message":"...","errors":[{"code":"...","message":"..."}]}}, with the codes of
 * {@link PlexGuesses} where Plex documents only the status, and the Data Source API's own body. The
 * kit's faults answer through it too, so an injected 503 looks like Plex's own, whichever API was
 * called.
 */
final class PlexErrorShape implements ErrorShape {

  static final PlexErrorShape PLEX = new PlexErrorShape();

  /** One entry of the body's {@code errors} list. */
  record ErrorDetail(String code, String message) {}

  private PlexErrorShape() {}

  /**
   * Answers in the shape of the API called: the Data Source API under {@link
   * DataSourceHandler#PATH}, else Connect.
   */
  @Override
  public void write(
      HttpExchange exchange, int status, String code, String message, Duration retryAfter)
      throws IOException {
    if (exchange.getRequestURI().getPath().startsWith(DataSourceHandler.PATH)) {
      ErrorShape.retryAfter(exchange, retryAfter);
      dataSourceError(
          exchange,
          status,
          code == null ? codeOf(status) : code,
          message == null ? messageOf(status) : message);
    } else {
      write(exchange, status, code, message, List.of(), retryAfter);
    }
  }

  /**
   * The Data Source API's error body: {@code
   * {"errors":[{"code":"...","message":"..."}],"transactionNo":"..."}}.
   */
  void dataSourceError(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    ObjectNode body = Json.mapper().createObjectNode();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    body.put("transactionNo", DataSourceHandler.transactionNo());
    SandboxJson.write(exchange, status, body);
  }

  /** The status's usual code, with details (a 400 lists each bad parameter). */
  void write(HttpExchange exchange, int status, String message, List<ErrorDetail> errors)
      throws IOException {
    write(exchange, status, null, message, errors, null);
  }

  /** Exactly what Plex answers a missing or wrong key, or a tenant the key may not use. */
  void notAuthenticated(HttpExchange exchange) throws IOException {
    write(exchange, 401, null, null, List.of(), null);
  }

  private void write(
      HttpExchange exchange,
      int status,
      String code,
      String message,
      List<ErrorDetail> errors,
      Duration retryAfter)
      throws IOException {
    String theCode = code == null ? codeOf(status) : code;
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("code", theCode);
    body.put(
        "message",
        message != null
            ? message
            : PlexGuesses.QUOTA_EXCEEDED_CODE.equals(theCode)
                ? "The usage quota of this key is used up. Retry later."
                : messageOf(status));
    if (!errors.isEmpty()) {
      ArrayNode details = body.putArray("errors");
      errors.forEach(
          error -> details.addObject().put("code", error.code()).put("message", error.message()));
    }
    ErrorShape.retryAfter(exchange, retryAfter);
    SandboxJson.write(exchange, status, body);
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
