package io.millflow.connector.http;

import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Turns a failed call into the step error model, in one place: rejected credentials need a person
 * (reauth), limits, server errors and the network pass (retry), any other refusal needs a change of
 * input (a BPMN error {@code HTTP_<status>} with the start of the body).
 */
final class HttpErrors {

  /** How much of an error body goes into the message (and the run history). */
  static final int BODY_IN_MESSAGE = 500;

  private HttpErrors() {}

  static boolean isRetryable(int status) {
    return status == 429 || status == 408 || status >= 500;
  }

  static StepException ofStatus(
      Call call,
      Exchange exchange,
      String requestId,
      int status,
      HttpHeaders headers,
      byte[] body,
      Duration retryAfter) {
    String seen =
        " ("
            + status
            + ", "
            + exchange.describe()
            + ", request "
            + requestId
            + ")"
            + bodyPart(body, call.secrets());
    if (status == 401 || status == 403) {
      return new ReauthRequiredException(
          call.connectionName(),
          "The API of connection '"
              + call.connectionName()
              + "' "
              + (status == 401 ? "rejected its credentials" : "refused its credentials access")
              + seen
              + ". Enter valid credentials for connection '"
              + call.connectionName()
              + "'"
              + (status == 403 ? ", or give them access to this resource" : "")
              + ", then retry the run.");
    }
    if (isRetryable(status)) {
      return new RetryableStepException(
          "The API of connection '"
              + call.connectionName()
              + "' is failing or limiting calls"
              + seen
              + (retryAfter == null ? "" : " Retry after " + retryAfter.toSeconds() + " s."),
          null,
          retryAfter);
    }
    return new StepFailure(
        "HTTP_" + status,
        "The API of connection '"
            + call.connectionName()
            + "' refused the request"
            + seen
            + " Check the step's URL, query, headers and body.");
  }

  /** No answer at all: the network failed or the server did not answer in time. */
  static RetryableStepException ofNoAnswer(
      Call call, Exchange exchange, String requestId, IOException e) {
    String host =
        exchange.uri().getHost()
            + (exchange.uri().getPort() < 0 ? "" : ":" + exchange.uri().getPort());
    return new RetryableStepException(
        "No answer from "
            + host
            + " to "
            + exchange.describe()
            + " (connection '"
            + call.connectionName()
            + "', request "
            + requestId
            + "): "
            + reason(e, call.timeout())
            + ".",
        e);
  }

  /**
   * Why a call got no answer, in words that never quote the server: a stranger's bytes in a message
   * would make the step a port scanner's oracle.
   */
  static String reason(IOException e, Duration timeout) {
    if (e instanceof HttpTimeoutException) {
      return "no answer within " + timeout.toSeconds() + " s";
    }
    if (e instanceof ConnectException) {
      return "the connection was refused";
    }
    if (e instanceof UnknownHostException) {
      return "the host name does not resolve";
    }
    if (e instanceof ProtocolException) {
      return "the server did not answer like an HTTP server";
    }
    if (e instanceof javax.net.ssl.SSLException) {
      return "the TLS handshake failed";
    }
    return "the connection failed (" + e.getClass().getSimpleName() + ")";
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(HttpHeaders headers, Clock clock) {
    String value = headers.firstValue("Retry-After").map(String::strip).orElse("");
    if (value.isEmpty()) {
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

  /** The start of the body as text, secrets blanked out; empty for no body. */
  static String bodyPart(byte[] body, List<String> secrets) {
    if (body == null || body.length == 0) {
      return ".";
    }
    String text =
        new String(body, 0, Math.min(body.length, BODY_IN_MESSAGE * 4), StandardCharsets.UTF_8);
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        text = text.replace(secret, "(hidden)");
      }
    }
    text = text.replaceAll("\\s+", " ").strip();
    return ": "
        + (text.length() > BODY_IN_MESSAGE ? text.substring(0, BODY_IN_MESSAGE) + "…" : text)
        + (text.endsWith(".") ? "" : ".");
  }
}
