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
import java.time.Clock;

/**
 * Turns a failed Data Source API call into the step error model. Plex's body is {@code
 * {"errors":[{"code":"DATA_SOURCE_...","message":"..."}],"transactionNo":"..."}}; the code decides
 * before the status, since Plex documents the codes and not their statuses.
 *
 * <p>{@code DATA_SOURCE_ACCESS_DENIED} is a {@link StepFailure} {@code NO_PERMISSION}, not a
 * reauth: the account's credentials were accepted (a wrong password is a 401, see {@link
 * PlexGuesses#DATA_SOURCE_BAD_CREDENTIALS_STATUS}), it is only not granted this one data source.
 * Re-entering credentials cannot fix that, and marking the connection {@code reauth_required} would
 * stop every other flow that uses it with data sources it may run. A Plex administrator must grant
 * access, which the message says.
 */
final class PlexDataSourceErrors {

  private PlexDataSourceErrors() {}

  static StepException ofResponse(
      PlexCall call,
      PlexDataSourceSettings settings,
      String dataSourceId,
      int status,
      HttpHeaders headers,
      byte[] body,
      Clock clock) {
    JsonNode json = parse(body);
    JsonNode first = json.path("errors").path(0);
    String code = first.path("code").asText("HTTP_" + status);
    String plexSays = first.path("message").asText("no message").strip();
    String seen =
        " ("
            + status
            + " "
            + code
            + ", "
            + call.method()
            + " "
            + call.path()
            + ", transaction "
            + json.path("transactionNo").asText("none")
            + ", request "
            + call.requestId()
            + "): "
            + plexSays;
    String connection = call.connectionName();
    return switch (code) {
      case "DATA_SOURCE_ACCESS_DENIED" ->
          new StepFailure(
              "NO_PERMISSION",
              "Plex's web-service account '"
                  + settings.username()
                  + "' of connection '"
                  + connection
                  + "' may not run data source "
                  + dataSourceId
                  + seen
                  + " Ask a Plex administrator to grant the account access to data source "
                  + dataSourceId
                  + ", or use an account that has it.");
      case "DATA_SOURCE_NOT_FOUND" -> notFound(connection, dataSourceId, seen);
      case "DATA_SOURCE_INPUT_REQUIRED" ->
          new StepFailure(
              code,
              "Data source "
                  + dataSourceId
                  + " needs an input"
                  + " the step did not give"
                  + seen
                  + " Add it to the step's inputs; input names are case-sensitive.");
      case "DATA_SOURCE_INPUT_TYPE_MISMATCH" ->
          new StepFailure(
              code,
              "Data source "
                  + dataSourceId
                  + " refused an input's type"
                  + seen
                  + " Give the input a value of the type the data source declares.");
      default -> byStatus(call, status, code, seen, dataSourceId, headers, clock);
    };
  }

  private static StepException byStatus(
      PlexCall call,
      int status,
      String code,
      String seen,
      String dataSourceId,
      HttpHeaders headers,
      Clock clock) {
    String connection = call.connectionName();
    if (status == PlexGuesses.DATA_SOURCE_BAD_CREDENTIALS_STATUS) {
      return new ReauthRequiredException(
          connection,
          "Plex rejected the web-service account of connection '"
              + connection
              + "' for the Data Source API"
              + seen
              + " Enter the account's username and password for"
              + " connection '"
              + connection
              + "'.");
    }
    if (status == 429 || status >= 500 || status == 403 && PlexGuesses.isQuotaError(code, seen)) {
      return new RetryableStepException(
          "Plex's Data Source API is failing or limiting connection '" + connection + "'" + seen,
          null,
          PlexErrors.retryAfter(headers, clock));
    }
    return switch (status) {
      case 403 ->
          new StepFailure(
              "NO_PERMISSION",
              "Plex refused connection '"
                  + connection
                  + "' data source "
                  + dataSourceId
                  + seen
                  + " Ask a Plex administrator to grant the web-service account access.");
      case 404 ->
          new StepFailure(
              "PLEX_NOT_FOUND",
              "Plex's Data Source API is not at the dataSourceBaseUrl of"
                  + " connection '"
                  + connection
                  + "'"
                  + seen
                  + " Set it to https://cloud.plex.com or https://test.cloud.plex.com.");
      default ->
          new StepFailure(
              "PLEX_BAD_REQUEST", "Plex refused to run data source " + dataSourceId + seen);
    };
  }

  private static StepFailure notFound(String connection, String dataSourceId, String seen) {
    return new StepFailure(
        "DATA_SOURCE_NOT_FOUND",
        "Plex has no data source "
            + dataSourceId
            + seen
            + " Check the data source id, and that the dataSourceBaseUrl of connection '"
            + connection
            + "' is the Plex environment (test or production) where it exists.");
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      return json == null ? Json.mapper().missingNode() : json;
    } catch (IOException e) {
      return Json.mapper().missingNode(); // a proxy's HTML page, say: the status alone must do
    }
  }
}
