package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns a failed Idhammar call into the step error model, in one place: a rejected token needs a
 * person (reauth), limits, server errors and the network pass (retry), a refused request needs a
 * change of input (step failure).
 */
final class IdhammarErrors {

  private IdhammarErrors() {}

  /**
   * The error of a non-2xx answer; {@code token} is only used to blank it out of the server's
   * message.
   */
  static StepException ofResponse(
      IdhammarCall call, int status, HttpHeaders headers, byte[] body, String token, Clock clock) {
    ApiError error = ApiError.parse(body, status, token);
    String seen =
        " ("
            + status
            + " "
            + error.code()
            + ", "
            + call.method()
            + " "
            + call.path()
            + ", request "
            + call.requestId()
            + ")";
    String connection = "connection '" + call.connectionName() + "'";
    return switch (status) {
      case 401 ->
          new ReauthRequiredException(
              call.connectionName(),
              "Idhammar rejected the API token of "
                  + connection
                  + seen
                  + ": "
                  + error.message()
                  + " Create an API token in Idhammar and enter it as apiToken of "
                  + connection
                  + ".");
      case 403 ->
          new ReauthRequiredException(
              call.connectionName(),
              "Idhammar refused the API token of "
                  + connection
                  + " access"
                  + seen
                  + ": "
                  + error.message()
                  + " Give the token read access to this resource in Idhammar,"
                  + " or enter one that has it, for "
                  + connection
                  + ".");
      case 429 -> {
        Duration wait = retryAfter(headers, clock);
        yield new RetryableStepException(
            "Idhammar is limiting the calls of "
                + connection
                + seen
                + ": "
                + error.message()
                + (wait == null ? "" : " Retry after " + wait.toSeconds() + " s."),
            null,
            wait);
      }
      case 400 ->
          new StepFailure(
              "IDHAMMAR_BAD_REQUEST",
              "Idhammar refused a request of "
                  + connection
                  + " as invalid"
                  + seen
                  + ": "
                  + error.message()
                  + " Check the step's inputs.");
      case 404 ->
          new StepFailure(
              "IDHAMMAR_NOT_FOUND",
              "Idhammar found nothing at that address"
                  + seen
                  + ": "
                  + error.message()
                  + " Check the base URL of "
                  + connection
                  + " (the server, without /api/v1).");
      default ->
          status >= 500
              ? new RetryableStepException(
                  "Idhammar returned "
                      + status
                      + " "
                      + error.code()
                      + " for "
                      + call.describe()
                      + ": "
                      + error.message(),
                  null,
                  retryAfter(headers, clock))
              : new StepFailure(
                  "IDHAMMAR_REQUEST_REJECTED",
                  "Idhammar refused a request of " + connection + seen + ": " + error.message());
    };
  }

  /**
   * The error of a call that got no answer: the network failed or the server did not answer in
   * time.
   */
  static RetryableStepException ofNoResponse(
      IdhammarCall call, IOException e, IdhammarConnectionSettings settings) {
    if (e instanceof HttpTimeoutException) {
      return new RetryableStepException(
          "Idhammar did not answer "
              + call.method()
              + " "
              + call.path()
              + " within "
              + settings.timeout().toSeconds()
              + " s "
              + call.context()
              + ".",
          e);
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new RetryableStepException(
        "Cannot reach Idhammar at "
            + settings.baseUrl()
            + " for "
            + call.describe()
            + ": "
            + reason,
        e);
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpHeaders headers, Clock clock) {
    String value = headers.firstValue("Retry-After").map(String::strip).orElse("");
    if (value.matches("\\d{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Duration until =
          Duration.between(
              clock.instant(),
              ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  /**
   * The API's error body, {@code
   * {"error":{"status":..,"code":"...","message":"...","requestId":"..."}}}.
   */
  record ApiError(String code, String message) {

    static ApiError parse(byte[] body, int status, String token) {
      JsonNode error;
      try {
        error = Json.mapper().readTree(body).path("error");
      } catch (IOException | RuntimeException e) {
        error = null; // a proxy's HTML page, say: the status alone must do
      }
      if (error == null || !error.isObject()) {
        return new ApiError("http_" + status, "no Idhammar error details in the answer.");
      }
      String message = error.path("message").asText("no message").strip();
      if (token != null && !token.isEmpty()) {
        message = message.replace(token, "(token hidden)");
      }
      return new ApiError(
          error.path("code").asText("http_" + status),
          message.endsWith(".") ? message : message + ".");
    }
  }
}
