package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.protocol.PlexGuesses;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the written resources answer, and Plex's 404 for any other call under their paths that the
 * gate lets through (it answers a method no Plex resource there takes with 405).
 */
class WriteRoutesSandboxTest {

  private static PlexSandbox sandbox;
  private static SandboxHttp http;

  @BeforeAll
  static void start() {
    sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withPurchaseOrders(10).withoutRateLimit())
            .start(0);
    http = new SandboxHttp(sandbox);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void answersAnItemItDoesNotHoldWithPlexsNotFoundNamingIt() {
    assertThat(message(call("GET", "/mdm/v1/suppliers/no-such-supplier")))
        .isEqualTo("No supplier with id 'no-such-supplier' was found.");
    assertThat(message(call("PUT", "/purchasing/v2-beta1/releases/no-such-release")))
        .isEqualTo("No release with id 'no-such-release' was found.");
    assertThat(message(call("POST", "/purchasing/v1/releases/no-such-release/cancel")))
        .isEqualTo("No release with id 'no-such-release' was found.");
    assertThat(
            message(
                call("POST", "/production/v1/control/workcenters/wc-x/record-batch-production")))
        .isEqualTo("No workcenter with id 'wc-x' was found.");
    assertThat(message(call("GET", "/production/v1/production-definitions/workcenters/wc-x")))
        .isEqualTo("No workcenter with id 'wc-x' was found.");
  }

  @Test
  void answersAMethodOrPathOffItsRoutesWithPlexsNotFound() {
    String workcenter = sandbox.workcenterId(0);
    for (String[] call :
        new String[][] {
          {"PUT", "/mdm/v1/suppliers"},
          {"POST", "/mdm/v1/suppliers/s-1"},
          {"GET", "/mdm/v1/suppliers/s-1/contacts"},
          {"PUT", "/purchasing/v2-beta1/releases"},
          {"GET", "/purchasing/v2-beta1/releases/r-1/"},
          {"POST", "/purchasing/v1/releases"},
          {"GET", "/purchasing/v1/releases/r-1/cancel"},
          {"POST", "/purchasing/v1/releases/r-1/close"},
          {"GET", "/inventory/v1/inventory-receiving/receipts/g-1"},
          {"PUT", "/inventory/v1/inventory-receiving/receipts"},
          {"GET", "/production/v1/control/workcenters/" + workcenter + "/record-batch-production"},
          {"POST", "/production/v1/control/workcenters/" + workcenter},
          {"GET", "/production/v1/production-definitions/workcenters"},
          {"GET", "/production/v1/production-definitions/workcenters/" + workcenter + "/parts"}
        }) {
      HttpResponse<String> response = call(call[0], call[1]);
      assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
      assertThat(SandboxHttp.json(response).get("code").asText())
          .as(call[0] + " " + call[1])
          .isEqualTo(PlexGuesses.NOT_FOUND_CODE);
    }
  }

  private static String message(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = SandboxHttp.json(response);
    assertThat(body.get("code").asText()).isEqualTo(PlexGuesses.NOT_FOUND_CODE);
    return body.get("message").asText();
  }

  private static HttpResponse<String> call(String method, String path) {
    return http.send(
        HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
            .header("X-Plex-Connect-Api-Key", sandbox.config().apiKey())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
            .build());
  }
}
