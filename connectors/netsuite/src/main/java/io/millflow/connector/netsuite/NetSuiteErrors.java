package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.NetSuiteGuesses;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Turns a failed NetSuite call into the step error model, in one place: refused credentials or a
 * missing permission need a person (reauth), the concurrency limit, server errors and the network
 * pass (retry), a refused query or an unknown record need a change of input (step failure).
 */
final class NetSuiteErrors {

  private NetSuiteErrors() {}

  static StepException ofResponse(
      NetSuiteCall call, NetSuiteAuth auth, int status, HttpHeaders headers, byte[] body) {
    NetSuiteError error = NetSuiteError.parse(body, status);
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
            + "): "
            + error.message();
    String name = call.connectionName();
    NetSuiteAnswer answer = new NetSuiteAnswer(status, error, false);
    if (isConcurrencyLimit(status, error)) {
      return new RetryableStepException(
          "NetSuite refused a request of connection '"
              + name
              + "' over the account's"
              + " concurrency limit"
              + seen
              + " Lower maxConcurrency or run fewer flows on the account at once.",
          answer,
          retryAfter(headers));
    }
    return switch (status) {
      case 401 ->
          new ReauthRequiredException(
              name,
              "NetSuite rejected the credentials of connection '"
                  + name
                  + "'"
                  + seen
                  + " "
                  + reconnect(auth),
              answer);
      case 403 ->
          new ReauthRequiredException(
              name,
              "NetSuite refused connection '"
                  + name
                  + "' a permission"
                  + seen
                  + " Give the integration's role the permission it names (SuiteQL queries need 'REST Web Services' and the"
                  + " record's view permission), then reconnect.",
              answer);
      case 400 ->
          new StepFailure(
              "NETSUITE_BAD_REQUEST",
              "NetSuite refused a request of connection '" + name + "' as invalid" + seen,
              answer);
      case 404 ->
          new StepFailure(
              "NETSUITE_NOT_FOUND",
              "NetSuite found nothing at that address"
                  + seen
                  + " Check the record type and id, and the accountId and baseUrl of connection '"
                  + name
                  + "'.",
              answer);
      default ->
          status >= 500 || status == 429
              ? new RetryableStepException(
                  "NetSuite returned "
                      + status
                      + " for "
                      + call.describe()
                      + ": "
                      + error.message(),
                  answer,
                  retryAfter(headers))
              : new StepFailure(
                  "NETSUITE_REQUEST_REJECTED",
                  "NetSuite refused a request of connection '" + name + "'" + seen,
                  answer);
    };
  }

  /** The token endpoint's refusal: the client assertion was not accepted, which no retry fixes. */
  static StepException ofTokenResponse(
      NetSuiteCall call, NetSuiteAuth auth, int status, HttpHeaders headers, byte[] body) {
    if (status >= 500 || status == 429) {
      return ofResponse(call, auth, status, headers, body);
    }
    NetSuiteError error = NetSuiteError.parse(body, status);
    return new ReauthRequiredException(
        call.connectionName(),
        "NetSuite refused an access token to connection '"
            + call.connectionName()
            + "' ("
            + status
            + " "
            + error.code()
            + ", request "
            + call.requestId()
            + "): "
            + error.message()
            + " "
            + reconnect(auth),
        new NetSuiteAnswer(status, error, true));
  }

  static boolean isConcurrencyLimit(int status, NetSuiteError error) {
    return error.is(NetSuiteGuesses.CONCURRENCY_LIMIT_CODE)
        || status == NetSuiteGuesses.CONCURRENCY_LIMIT_STATUS && error.code().startsWith("HTTP_");
  }

  static RetryableStepException ofNoResponse(
      NetSuiteCall call, IOException e, Duration timeout, String baseUrl) {
    if (e instanceof HttpTimeoutException) {
      return new RetryableStepException(
          "NetSuite did not answer "
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
        "Cannot reach NetSuite at " + baseUrl + " for " + call.describe() + ": " + reason, e);
  }

  /**
   * {@code Retry-After} in seconds; null when absent or not a number (NetSuite is not known to send
   * a date).
   */
  static Duration retryAfter(HttpHeaders headers) {
    try {
      return headers
          .firstValue("Retry-After")
          .map(String::strip)
          .map(Long::parseLong)
          .map(seconds -> Duration.ofSeconds(Math.max(0, seconds)))
          .orElse(null);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String reconnect(NetSuiteAuth auth) {
    return switch (auth) {
      case NetSuiteAuth.M2m m2m ->
          "Check the connection's clientId, certificateId and privateKey against the"
              + " integration record and the OAuth 2.0 client credentials mapping in NetSuite (Setup > Integration >"
              + " OAuth 2.0 Client Credentials), and that this machine's clock is right; then reconnect.";
      case NetSuiteAuth.Tba tba ->
          "Check the connection's consumer key/secret and token id/secret; a revoked or"
              + " expired access token needs a new one (Setup > Users/Roles > Access Tokens); then reconnect.";
    };
  }
}
