package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.idhammar.IdhammarErrors.ApiError;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.ConnectionTester;
import io.millflow.step.Json;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Tests an Idhammar connection with its cheapest call, {@code GET /api/v1/sites?limit=1}: 401 is a
 * rejected token, 403 a token without read access, 404 or an answer that is not the API's JSON a
 * wrong base URL, no connection an unreachable host, no answer in time a timeout, 5xx and 429 a
 * server unavailable for now.
 */
@Singleton
public final class IdhammarConnectionTester implements ConnectionTester<IdhammarConnection> {

  private final HttpIdhammarClientFactory clients;

  @Inject
  public IdhammarConnectionTester(HttpIdhammarClientFactory clients) {
    this.clients = clients;
  }

  public IdhammarConnectionTester() {
    this(new HttpIdhammarClientFactory());
  }

  @Override
  public Class<IdhammarConnection> connectionType() {
    return IdhammarConnection.class;
  }

  @Override
  public ConnectionCheck check(String name, IdhammarConnection connection) {
    long started = System.nanoTime();
    HttpIdhammarClient client = clients.forConnection(name, connection);
    IdhammarCall call = IdhammarCall.get(client.settings(), HttpIdhammarClient.SITES);
    HttpResponse<byte[]> response;
    try {
      response = client.send(call, HttpIdhammarClient.SITES + "?limit=1");
    } catch (HttpTimeoutException e) {
      return ConnectionCheck.failed(
          ConnectionProblem.TIMEOUT,
          "Idhammar did not answer "
              + call.describe()
              + " within "
              + client.settings().timeout().toSeconds()
              + " s.",
          "Check that the server is up, or raise" + " timeoutSeconds.",
          took(started));
    } catch (java.net.ProtocolException e) {
      // Its message quotes what the server sent: never echo a stranger's bytes (a port scanner's
      // oracle).
      return ConnectionCheck.failed(
          ConnectionProblem.WRONG_URL,
          "The server at "
              + client.settings().baseUrl()
              + " did not answer like an Idhammar OEE API.",
          "Set baseUrl to the Idhammar OEE server's address.",
          took(started));
    } catch (IOException e) {
      String reason =
          e instanceof ConnectException
              ? "the connection was refused"
              : String.valueOf(e.getMessage());
      return ConnectionCheck.failed(
          ConnectionProblem.UNREACHABLE,
          "Cannot reach " + client.settings().baseUrl() + ": " + reason + ".",
          "Check the host and port of baseUrl, and that this machine may reach it.",
          took(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ConnectionCheck.failed(
          ConnectionProblem.UNAVAILABLE,
          "Interrupted during " + call.describe() + ".",
          "Test again.",
          took(started));
    }
    return judge(call, response, client.settings(), took(started));
  }

  private static ConnectionCheck judge(
      IdhammarCall call,
      HttpResponse<byte[]> response,
      IdhammarConnectionSettings settings,
      Duration took) {
    int status = response.statusCode();
    ApiError error = ApiError.parse(response.body(), status, settings.apiToken());
    String seen =
        "Idhammar answered "
            + call.describe()
            + " with "
            + status
            + " "
            + error.code()
            + ": "
            + error.message();
    if (status == 200 && isPage(response.body())) {
      return ConnectionCheck.passed(
          took, Map.of("baseUrl", settings.baseUrl().toString(), "requestId", call.requestId()));
    }
    return switch (status) {
      case 200, 404 ->
          ConnectionCheck.failed(
              ConnectionProblem.WRONG_URL,
              status == 200
                  ? "The server at "
                      + settings.baseUrl()
                      + " answered "
                      + call.describe()
                      + ", but not with the Idhammar API's JSON."
                  : seen,
              "Set baseUrl to the Idhammar OEE server itself, without /api/v1 (such as https://oee.example.com).",
              took);
      case 401 ->
          ConnectionCheck.failed(
              ConnectionProblem.AUTH_FAILED,
              seen,
              "Create an API token in Idhammar (Settings > API tokens) and enter it as apiToken.",
              took);
      case 403 ->
          ConnectionCheck.failed(
              ConnectionProblem.NO_PERMISSION,
              seen,
              "Give the API token read access to sites, machines, downtime, production and OEE, or use one that has it.",
              took);
      default ->
          status == 429 || status >= 500
              ? ConnectionCheck.failed(
                  ConnectionProblem.UNAVAILABLE,
                  seen,
                  "Idhammar is failing or limiting calls right" + " now; test again in a minute.",
                  took)
              : ConnectionCheck.failed(
                  ConnectionProblem.WRONG_URL,
                  seen,
                  "Check baseUrl: the server refused the API's" + " simplest call.",
                  took);
    };
  }

  private static boolean isPage(byte[] body) {
    try {
      JsonNode json = Json.mapper().readTree(body);
      return json != null && json.path("data").isArray();
    } catch (IOException e) {
      return false;
    }
  }

  private static Duration took(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
