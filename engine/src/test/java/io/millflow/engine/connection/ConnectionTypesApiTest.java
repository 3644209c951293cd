package io.millflow.engine.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.millflow.connector.plex.PlexConnection;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionKind;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The connection types' schema, the refusal of a wrong setting naming it, and connections stored
 * before records.
 */
@QuarkusTest
class ConnectionTypesApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Inject ConnectionStore store;
  @Inject StepConnections stepConnections;

  @Test
  void listsEveryTypeWithItsFieldsFromTheConnectionRecords() {
    given()
        .get("/api/connection-types")
        .then()
        .statusCode(200)
        .body(
            "type",
            hasItems(
                "file",
                "idhammar",
                "mongodb",
                "mysql",
                "netsuite",
                "plex",
                "postgres",
                "snowflake"))
        .body(
            "find { it.type == 'plex' }.fields.find { it.name == 'baseUrl' }.required",
            equalTo(true))
        .body(
            "find { it.type == 'plex' }.fields.find { it.name == 'baseUrl' }.type", equalTo("url"))
        .body(
            "find { it.type == 'plex' }.fields.find { it.name == 'rateLimitPerMinute' }.defaultValue",
            equalTo("200"))
        .body(
            "find { it.type == 'plex' }.fields.find { it.name == 'apiKey' }.secret", equalTo(true))
        .body(
            "find { it.type == 'plex' }.fields.find { it.name == 'apiKey' }.group",
            equalTo("credentials"))
        .body("find { it.type == 'netsuite' }.signIns", hasItems("m2m", "tba"))
        .body(
            "find { it.type == 'netsuite' }.fields.find { it.name == 'privateKey' }.signIn",
            equalTo("m2m"));
  }

  @Test
  void refusesAWrongTypedSettingAtSaveAndTestNamingTheField() {
    Map<String, Object> body =
        Map.of(
            "type",
            "plex",
            "settings",
            Map.of("baseUrl", "https://connect.plex.com", "rateLimitPerMinute", "fast"),
            "credentials",
            Map.of("apiKey", "k-" + RUN));

    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/connections/typed-" + RUN)
        .then()
        .statusCode(400)
        .body(
            "message",
            containsString("field 'settings.rateLimitPerMinute' has a value of the wrong type"))
        .body("field", org.hamcrest.Matchers.equalTo("settings.rateLimitPerMinute"))
        .body("message", not(containsString("k-" + RUN)));
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/connections/test")
        .then()
        .statusCode(400)
        .body("message", containsString("settings.rateLimitPerMinute"));
    given().get("/api/connections/typed-" + RUN).then().statusCode(404);
  }

  @Test
  void aConnectionStoredInTheOldShapeStillBindsForSteps() {
    // Settings and credentials as string maps, as every connection was saved before the records:
    // with the Data
    // Source user kept under credentials, a number as text, and an empty setting.
    store.save(
        "default",
        new Connection(
            "old-plex-" + RUN,
            "plex",
            Map.of(
                "baseUrl",
                "https://connect.plex.com/",
                "rateLimitPerMinute",
                "120",
                "tenantId",
                "",
                "dataSourceBaseUrl",
                "https://cloud.plex.com"),
            Map.of("apiKey", "k-1", "username", "ws", "password", "p-1")));

    PlexConnection bound =
        ConnectionKind.of(PlexConnection.class)
            .bind(stepConnections.resolve("default", "old-plex-" + RUN));

    assertThat(bound.rateLimitPerMinute()).isEqualTo(120);
    assertThat(bound.baseUrl()).hasToString("https://connect.plex.com");
    assertThat(bound.tenantId()).isNull();
    assertThat(bound.username()).isEqualTo("ws");
    assertThat(bound.password()).isEqualTo("p-1");
    store.delete("default", "old-plex-" + RUN);
  }

  @Test
  void hidesASettingItsRecordMarksSecret() {
    store.save(
        "default",
        new Connection(
            "secret-in-settings-" + RUN,
            "plex",
            Map.of("baseUrl", "https://connect.plex.com", "password", "p-" + RUN),
            Map.of("apiKey", "k")));

    given()
        .get("/api/connections/secret-in-settings-" + RUN)
        .then()
        .statusCode(200)
        .body("settings.password", equalTo("(hidden)"))
        .body(not(containsString("p-" + RUN)));
    store.delete("default", "secret-in-settings-" + RUN);
  }
}
