package io.millflow.engine.net;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.millflow.engine.connection.ConnectionStore;
import io.millflow.engine.connection.StepConnections;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.StepFailure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connection tests, steps and event subscriptions never call the runtime's own API or its state
 * store (refused with a 400 naming the field, and again when used), and a server that does not
 * speak the system's protocol does not get its bytes echoed back to the tester: no port oracle.
 */
@QuarkusTest
class OutboundAddressesTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Inject StateStore store;
  @Inject ConnectionStore connections;
  @Inject StepConnections stepConnections;

  @Test
  void theRuntimesOwnPortAndTheStateStoreAreRefusedAtSaveNamingTheField() {
    int api = RestAssured.port;
    int database = store.embeddedServer().orElseThrow().port();
    assertRefused(
        "PUT",
        "/api/connections/self-" + RUN,
        Map.of(
            "type",
            "plex",
            "settings",
            Map.of("baseUrl", "http://127.0.0.1:" + api + "/api"),
            "credentials",
            Map.of("apiKey", "k")),
        "settings.baseUrl");
    assertRefused(
        "PUT",
        "/api/connections/store-" + RUN,
        Map.of(
            "type",
            "postgres",
            "settings",
            Map.of("jdbcUrl", "jdbc:postgresql://localhost:" + database + "/millflow")),
        "settings.jdbcUrl");
    assertRefused(
        "POST",
        "/api/connections/test",
        Map.of(
            "type",
            "mongodb",
            "settings",
            Map.of("host", "127.0.0.1", "port", String.valueOf(database), "database", "x")),
        "settings.port");
    assertRefused(
        "POST",
        "/api/subscriptions",
        Map.of(
            "url",
            "http://localhost:" + api + "/api/tokens",
            "eventTypes",
            java.util.List.of("sync.completed")),
        "url");
    given().get("/api/connections/self-{run}", RUN).then().statusCode(404);
  }

  @Test
  void theCloudMetadataAddressIsRefusedForConnectionsAndSubscriptionsNamingTheSetting() {
    for (var request :
        java.util.List.of(
            Map.<String, Object>of(
                "path",
                "/api/connections/metadata-" + RUN,
                "method",
                "PUT",
                "body",
                Map.of(
                    "type",
                    "http",
                    "settings",
                    Map.of("baseUrl", "http://169.254.169.254/latest"))),
            Map.<String, Object>of(
                "path",
                "/api/subscriptions",
                "method",
                "POST",
                "body",
                Map.of(
                    "url",
                    "https://169.254.169.254/hook",
                    "eventTypes",
                    java.util.List.of("sync.completed"))))) {
      given()
          .contentType(ContentType.JSON)
          .body(request.get("body"))
          .request((String) request.get("method"), (String) request.get("path"))
          .then()
          .statusCode(400)
          .body("message", containsString("link-local"))
          .body("message", containsString("millflow.outbound.allow-hosts"));
    }
  }

  @Test
  void aStoredConnectionToTheRuntimesOwnPortIsRefusedWhenTestedAndWhenAStepUsesIt() {
    int api = io.restassured.RestAssured.port;
    String name = "stored-api-" + RUN;
    connections.save(
        "default",
        new Connection(
            name, "plex", Map.of("baseUrl", "http://127.0.0.1:" + api), Map.of("apiKey", "k")));

    given()
        .post("/api/connections/{name}/test", name)
        .then()
        .statusCode(400)
        .body("message", containsString("API"));
    assertThatThrownBy(() -> stepConnections.resolve("default", name))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_TARGET_REFUSED"));
  }

  @Test
  void theRuntimesOwnConnectionsKeepWorking() {
    given()
        .post("/api/connections/warehouse/test")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true));
  }

  @Test
  void aServerThatDoesNotSpeakHttpIsNotEchoed() throws Exception {
    String banner = "SSH-2.0-OpenSSH_9.6 banner-" + RUN;
    try (ServerSocket server = new ServerSocket(0)) {
      Thread.ofVirtual().start(() -> answerEveryoneWith(server, banner));
      for (String type : java.util.List.of("plex", "netsuite", "idhammar")) {
        given()
            .contentType(ContentType.JSON)
            .body(
                Map.of(
                    "type",
                    type,
                    "settings",
                    Map.of(
                        "baseUrl",
                        "http://127.0.0.1:" + server.getLocalPort(),
                        "accountId",
                        "1",
                        "restUrl",
                        "http://127.0.0.1:" + server.getLocalPort()),
                    "credentials",
                    Map.of(
                        "apiKey",
                        "k",
                        "apiToken",
                        "t",
                        "consumerKey",
                        "c",
                        "consumerSecret",
                        "s",
                        "tokenId",
                        "i",
                        "tokenSecret",
                        "x")))
            .post("/api/connections/test")
            .then()
            .statusCode(200)
            .body("ok", equalTo(false))
            .body(not(containsString("banner-" + RUN)))
            .body(not(containsString("SSH-2.0")));
      }
    }
  }

  private static void answerEveryoneWith(ServerSocket server, String banner) {
    while (!server.isClosed()) {
      try (Socket client = server.accept();
          OutputStream out = client.getOutputStream()) {
        out.write((banner + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Thread.sleep(50);
      } catch (Exception e) {
        return;
      }
    }
  }

  private static void assertRefused(
      String method, String path, Map<String, Object> body, String field) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .request(method, path)
        .then()
        .statusCode(400)
        .body("message", containsString(field))
        .body("message", containsString("Millflow's own"));
  }
}
