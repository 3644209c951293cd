package io.millflow.connector.netsuite.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.sandbox.ErrorShape;
import io.millflow.sandbox.SandboxJson;
import io.millflow.step.Json;
import java.io.IOException;
import java.time.Duration;

/**
 * NetSuite's error body: {@code
 * {"type","title","status","o:errorDetails":[{"detail","o:errorCode"}]}}, with the usual code and
 * detail of each status when the caller gives none.
 */
final class NetSuiteErrorShape implements ErrorShape {

  static final NetSuiteErrorShape INSTANCE = new NetSuiteErrorShape();

  static final String INVALID_LOGIN_DETAIL =
      "Invalid login attempt. For more details, see the Login Audit Trail in"
          + " the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.";

  /**
   * 403 INSUFFICIENT_PERMISSION, as NetSuite answers a role without the record type's permission.
   */
  void permissionDenied(HttpExchange exchange, String recordType) throws IOException {
    write(
        exchange,
        403,
        "INSUFFICIENT_PERMISSION",
        "Permission Violation: You need a higher level of the '"
            + recordType
            + "' permission to access this record. Please contact your account administrator.",
        null);
  }

  @Override
  public void write(
      HttpExchange exchange, int status, String code, String message, Duration retryAfter)
      throws IOException {
    ErrorShape.retryAfter(exchange, retryAfter);
    ObjectNode body = body(status, code, message);
    SandboxJson.write(exchange, status, body);
  }

  /** The error body of {@code status}, with the usual code and detail when given none. */
  ObjectNode body(int status, String code, String message) {
    ObjectNode body =
        Json.mapper()
            .createObjectNode()
            .put(
                "type",
                status == 429
                    ? "https://www.rfc-editor.org/rfc/rfc6585.html#section-4"
                    : "https://www.rfc-editor.org/rfc/rfc9110.html#section-15."
                        + (status < 500 ? "5." : "6.")
                        + (status % 100 + 1))
            .put("title", title(status))
            .put("status", status);
    body.putArray("o:errorDetails")
        .addObject()
        .put("detail", message != null ? message : detail(status))
        .put("o:errorCode", code != null ? code : code(status));
    return body;
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> status >= 500 ? "Internal Server Error" : "Error";
    };
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "USER_ERROR";
      case 401 -> "INVALID_LOGIN";
      case 403 -> "INSUFFICIENT_PERMISSION";
      case 404 -> "NONEXISTENT_ID";
      case 429 -> NetSuiteGuesses.CONCURRENCY_LIMIT_CODE;
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "UNEXPECTED_ERROR" : "INVALID_REQUEST";
    };
  }

  private static String detail(int status) {
    return switch (status) {
      case 401 -> INVALID_LOGIN_DETAIL;
      case 429 ->
          "The request could not be processed because the concurrency limit for the account was exceeded.";
      case 503 -> "The service is temporarily unavailable. Try again later.";
      default -> status >= 500 ? "An unexpected error occurred." : "The request was refused.";
    };
  }
}
