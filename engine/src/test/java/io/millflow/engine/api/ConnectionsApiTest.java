package io.millflow.engine.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.millflow.engine.connection.ConnectionRegistry;
import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.step.Connection;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConnectionsApiTest {

  @Inject ConnectionRegistry connections;
  @Inject SandboxLauncher sandboxes;

  @Test
  void listsTheSandboxConnectionsWithCredentialNamesButNoValues() {
    sandboxes.start();
    String key =
        connections.resolve("default", SandboxLauncher.PLEX_CONNECTION).credential("apiKey");

    given()
        .get("/api/connections")
        .then()
        .statusCode(200)
        .body("name", hasItems(SandboxLauncher.PLEX_CONNECTION, SandboxLauncher.FILES_CONNECTION))
        .body("find { it.name == 'plex-sandbox' }.credentials", hasItems("apiKey"))
        .body("find { it.name == 'plex-sandbox' }.origin", equalTo("runtime"))
        .body(not(containsString(key)));
  }

  @Test
  void testsTheFilesConnection() {
    sandboxes.start();

    given()
        .post("/api/connections/files/test")
        .then()
        .statusCode(200)
        .body("ok", equalTo(true))
        .body("details.access", equalTo("read and write"));
  }

  @Test
  void reportsAFailedCheckAsA200WithTheProblemAndTheFix() {
    connections.provide(
        new Connection(
            "missing-dir", "file", Map.of("baseDirectory", "/no/such/millflow/dir"), Map.of()));

    given()
        .post("/api/connections/missing-dir/test")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("problem", equalTo("INCOMPLETE"))
        .body("fix", containsString("baseDirectory"));
  }

  @Test
  void answersAnUnknownConnectionWith404NamingTheKnownOnes() {
    given()
        .post("/api/connections/nope/test")
        .then()
        .statusCode(404)
        .body("message", containsString("Known connections"));
  }

  @Test
  void refusesToTestATypeNoConnectorCanCheck() {
    connections.provide(new Connection("odd", "teletype", Map.of(), Map.of()));

    given()
        .post("/api/connections/odd/test")
        .then()
        .statusCode(400)
        .body("message", containsString("no installed connector can test"));
  }
}
