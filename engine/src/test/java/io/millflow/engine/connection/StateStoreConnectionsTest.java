package io.millflow.engine.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.millflow.engine.sandbox.SandboxLauncher;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionProblem;
import io.millflow.step.StepFailure;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The probe that found this: a designer of tenant {@code acme} saved a PostgreSQL connection to the
 * embedded state store and wrote an admin token of tenant {@code default} into it. A tenant's
 * connection that leads to the state store is now refused: saving or testing it answers 400 naming
 * the setting and the fix, and one saved before is refused to steps and to the health check. The
 * built-in {@code warehouse} connection to the same server still works.
 */
@QuarkusTest
class StateStoreConnectionsTest {

  /** A tenant of this test's own, so the other tests' tenants see nothing of it. */
  private static final String TENANT = "acme-store-probe";

  private static String designer;

  @Inject StateStore store;
  @Inject ConnectionStore stored;
  @Inject StepConnections stepConnections;
  @Inject ConnectionHealth health;
  @Inject SandboxLauncher sandboxes;

  @BeforeEach
  void designerOfAcme() {
    if (designer == null) {
      designer =
          given()
              .contentType(ContentType.JSON)
              .body(
                  Map.of(
                      "name",
                      "store-probe-" + System.nanoTime(),
                      "role",
                      "designer",
                      "tenant",
                      TENANT))
              .post("/api/tokens")
              .then()
              .statusCode(201)
              .extract()
              .path("secret");
    }
  }

  @Test
  void refusesSavingAConnectionToTheStateStoreWith400() {
    for (String host : new String[] {"localhost", "127.0.0.1", "[::1]"}) {
      asDesigner()
          .body(
              request(Map.of("jdbcUrl", "jdbc:postgresql://" + host + ":" + port() + "/millflow")))
          .put("/api/connections/stolen")
          .then()
          .statusCode(400)
          .body(
              "message",
              allOf(containsString("state store"), containsString("Point settings.jdbcUrl at")));
    }
    asDesigner()
        .body(
            request(
                Map.of(
                    "host", "localhost", "port", String.valueOf(port()), "database", "postgres")))
        .put("/api/connections/stolen")
        .then()
        .statusCode(400)
        .body("message", containsString("settings.host and settings.port"));

    asDesigner().get("/api/connections/stolen").then().statusCode(404);
  }

  @Test
  void refusesTestingAConnectionToTheStateStoreWith400() {
    asDesigner()
        .body(request(Map.of("jdbcUrl", "jdbc:postgresql://localhost:" + port() + "/millflow")))
        .post("/api/connections/test")
        .then()
        .statusCode(400)
        .body("message", containsString("settings.jdbcUrl"));
  }

  @Test
  void refusesAConnectionSavedBeforeToStepsAndChecks() {
    String name = "saved-before-" + System.nanoTime(); // the store's port changes with every start
    stored.save(
        TENANT,
        new Connection(
            name,
            "postgres",
            Map.of("jdbcUrl", "jdbc:postgresql://127.0.0.1:" + port() + "/millflow"),
            Map.of("username", "postgres")));
    try {
      assertThatThrownBy(() -> stepConnections.resolve(TENANT, name))
          .isInstanceOfSatisfying(
              StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_TARGET_REFUSED"))
          .hasMessageContaining("state store");
      given()
          .header("Authorization", "Bearer " + designer)
          .post("/api/connections/" + name + "/test")
          .then()
          .statusCode(400)
          .body("message", containsString("state store"));
      health.checkDue(TENANT);
      ConnectionStatus status = health.statusOrUnknown(TENANT, name);
      assertThat(status.problem()).isEqualTo(ConnectionProblem.WRONG_URL);
      assertThat(status.lastError()).contains("state store");
    } finally {
      stored.delete(TENANT, name);
      health.forget(TENANT, name);
    }
  }

  @Test
  void letsTheBuiltInWarehouseConnectionThrough() {
    sandboxes.start();

    Connection warehouse = stepConnections.resolve("default", SandboxLauncher.WAREHOUSE_CONNECTION);

    assertThat(warehouse.setting("jdbcUrl")).contains(":" + port() + "/warehouse");
    assertThat(warehouse.credential("username")).isEqualTo("warehouse");
  }

  private int port() {
    return store.embeddedServer().orElseThrow().port();
  }

  private static RequestSpecification asDesigner() {
    return given().header("Authorization", "Bearer " + designer).contentType(ContentType.JSON);
  }

  private static Map<String, Object> request(Map<String, String> settings) {
    return Map.of(
        "type", "postgres", "settings", settings, "credentials", Map.of("username", "postgres"));
  }
}
