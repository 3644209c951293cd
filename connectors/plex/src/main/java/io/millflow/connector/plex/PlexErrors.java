package io.millflow.connector.plex;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a failed Plex call into the step error model, in one place: a rejected key needs a person
 * (reauth), limits, server errors and the network pass (retry), a refused request needs a change of
 * input (step failure).
 */
final class PlexErrors {

  private PlexErrors() {}

  /**
   * The error of a non-2xx answer. {@code apiKey} is only used to blank it out of Plex's message,
   * should it appear.
   */
  static StepException ofResponse(
      PlexCall call, int status, HttpHeaders headers, byte[] body, String apiKey, Clock clock) {
    PlexError error = PlexError.parse(body, status, apiKey);
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
    return switch (status) {
      case 401 ->
          reauth(
              call,
              "Plex rejected the API key of connection '"
                  + call.connectionName()
                  + "'"
                  + seen
                  + ". Enter a valid Plex Connect consumer key for connection '"
                  + call.connectionName()
                  + "', and check that it has access to the connection's tenant.");
      case 403 ->
          PlexGuesses.isQuotaError(error.code(), error.message())
              ? limited(call, seen, error, headers, clock)
              : reauth(
                  call,
                  "Plex refused the API key of connection '"
                      + call.connectionName()
                      + "' access"
                      + seen
                      + ": "
                      + error.message()
                      + " Give the key access to this resource and tenant in Plex, or enter a key that"
                      + " has it, for connection '"
                      + call.connectionName()
                      + "'.");
      case 429 -> limited(call, seen, error, headers, clock);
      case 400 ->
          new StepFailure(
              "PLEX_BAD_REQUEST",
              "Plex refused a request of connection '"
                  + call.connectionName()
                  + "' as invalid"
                  + seen
                  + ": "
                  + error.message()
                  + " Check the step's filters.");
      case 404 ->
          new StepFailure(
              "PLEX_NOT_FOUND",
              "Plex found nothing at that address"
                  + seen
                  + ": "
                  + error.message()
                  + " Check the base URL of connection '"
                  + call.connectionName()
                  + "'.");
      default ->
          status >= 500
              ? new RetryableStepException(
                  "Plex returned " + status + " for " + call.describe() + ": " + error.message(),
                  null,
                  retryAfter(headers, clock))
              : new StepFailure(
                  "PLEX_REQUEST_REJECTED",
                  "Plex refused a request of connection '"
                      + call.connectionName()
                      + "'"
                      + seen
                      + ": "
                      + error.message());
    };
  }

  /** The error of a call that got no answer: the network failed or Plex did not answer in time. */
  static RetryableStepException ofNoResponse(
      PlexCall call, IOException e, Duration timeout, String baseUrl) {
    if (e instanceof HttpTimeoutException) {
      return new RetryableStepException(
          "Plex did not answer "
              + call.method()
              + " "
              + call.path()
              + " within "
              + timeout.toSeconds()
              + " s "
              + call.context()
              + ".",
          e);
    }
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new RetryableStepException(
        "Cannot reach Plex at " + baseUrl + " for " + call.describe() + ": " + reason, e);
  }

  private static ReauthRequiredException reauth(PlexCall call, String message) {
    return new ReauthRequiredException(call.connectionName(), message);
  }

  private static RetryableStepException limited(
      PlexCall call, String seen, PlexError error, HttpHeaders headers, Clock clock) {
    Duration retryAfter = retryAfter(headers, clock);
    return new RetryableStepException(
        "Plex is limiting the calls of connection '"
            + call.connectionName()
            + "'"
            + seen
            + ": "
            + error.message()
            + (retryAfter == null ? "" : " Retry after " + retryAfter.toSeconds() + " s."),
        null,
        retryAfter);
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpHeaders headers, Clock clock) {
    String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
    } catch (NumberFormatException notSeconds) {
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
  }

  /**
   * Plex's error body, {@code
   * {"code":"...","message":"...","errors":[{"code":"...","message":"..."}]}}.
   */
  private record PlexError(String code, String message) {

    static PlexError parse(byte[] body, int status, String apiKey) {
      JsonNode json;
      try {
        json = Json.mapper().readTree(body);
      } catch (IOException e) {
        json = null; // a proxy's HTML page, say: the status alone must do
      }
      if (json == null || !json.isObject()) {
        return new PlexError("HTTP_" + status, "no Plex error details in the answer.");
      }
      List<String> details = new ArrayList<>();
      json.path("errors")
          .forEach(
              detail -> details.add(detail.path("message").asText(detail.path("code").asText())));
      String message =
          sentence(json.path("message").asText("no message"))
              + (details.isEmpty()
                  ? ""
                  : " " + String.join(" ", details.stream().map(PlexError::sentence).toList()));
      return new PlexError(json.path("code").asText("HTTP_" + status), redact(message, apiKey));
    }

    private static String sentence(String text) {
      String trimmed = text.strip();
      return trimmed.endsWith(".") || trimmed.endsWith("!") || trimmed.endsWith("?")
          ? trimmed
          : trimmed + ".";
    }

    private static String redact(String text, String apiKey) {
      return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "(key hidden)");
    }
  }
}
