package io.millflow.engine.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.millflow.engine.store.StateStore;
import io.millflow.step.Connection;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Connections saved through the API: usable by steps, credentials encrypted at rest and never shown
 * again.
 */
@QuarkusTest
class StoredConnectionsTest {

  private static final String PASSWORD = "correct-horse-battery-staple-" + System.nanoTime();

  /** The state store outlives a test run: names of this run only. */
  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Inject ConnectionRegistry registry;
  @Inject StateStore store;
  @Inject io.millflow.engine.config.MillflowConfig config;

  @Test
  void aSavedConnectionResolvesWithItsCredentialsButTheyAreStoredEncrypted() throws Exception {
    Path folder = Files.createTempDirectory(tenantRoot(), "millflow-conn");
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "type",
                "file",
                "settings",
                Map.of("baseDirectory", folder.toString()),
                "credentials",
                Map.of("password", PASSWORD)))
        .put("/api/connections/exports-" + RUN)
        .then()
        .statusCode(201)
        .body("origin", equalTo("api"))
        .body("credentials", hasItem("password"))
        .body(not(containsString(PASSWORD)));

    Connection resolved = registry.resolve("default", "exports-" + RUN);
    assertThat(resolved.credential("password")).isEqualTo(PASSWORD);
    List<byte[]> rows =
        store
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select credentials from connection where name = :name")
                        .bind("name", "exports-" + RUN)
                        .mapTo(byte[].class)
                        .list());
    assertThat(rows)
        .singleElement()
        .satisfies(
            bytes ->
                assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
                    .doesNotContain(PASSWORD)
                    .doesNotContain("password"));
    given().get("/api/connections").then().statusCode(200).body(not(containsString(PASSWORD)));
    given()
        .post("/api/connections/exports-{run}/test", RUN)
        .then()
        .statusCode(200)
        .body("ok", equalTo(true));
  }

  @Test
  void updatingSettingsAloneKeepsTheStoredCredentials() throws Exception {
    Path first = Files.createTempDirectory(tenantRoot(), "millflow-a");
    Path second = Files.createTempDirectory(tenantRoot(), "millflow-b");
    save(
        "kept-" + RUN,
        Map.of(
            "type",
            "file",
            "settings",
            Map.of("baseDirectory", first.toString()),
            "credentials",
            Map.of("token", "t-1")),
        201);

    save(
        "kept-" + RUN,
        Map.of("type", "file", "settings", Map.of("baseDirectory", second.toString())),
        200);

    Connection resolved = registry.resolve("default", "kept-" + RUN);
    assertThat(resolved.setting("baseDirectory")).isEqualTo(second.toString());
    assertThat(resolved.credential("token")).isEqualTo("t-1");
  }

  @Test
  void testsAConnectionBeforeSavingItAndStoresNothing() {
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                "draft",
                "type",
                "file",
                "settings",
                Map.of("baseDirectory", "no/such/dir")))
        .post("/api/connections/test")
        .then()
        .statusCode(200)
        .body("ok", equalTo(false))
        .body("problem", equalTo("INCOMPLETE"));
    given().get("/api/connections/draft").then().statusCode(404);
  }

  @Test
  void refusesAnUnknownTypeOrABadNameNamingWhatIsAllowed() {
    save("odd", Map.of("type", "teletype"), 400);
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("type", "teletype"))
        .put("/api/connections/odd")
        .then()
        .body("message", containsString("type must be one of"))
        .body("message", containsString("file"));
    given()
        .contentType(ContentType.JSON)
        .body(Map.of("type", "file"))
        .put("/api/connections/-bad")
        .then()
        .statusCode(400)
        .body("message", containsString("letters, digits"));
  }

  @Test
  void runtimeConnectionsCannotBeDeletedAndDeletedOnesAreGone() throws Exception {
    registry.provide(
        new Connection("provided-only", "file", Map.of("baseDirectory", "/tmp"), Map.of()));
    given()
        .delete("/api/connections/provided-only")
        .then()
        .statusCode(409)
        .body("message", containsString("runtime"));

    save(
        "short-lived-" + RUN,
        Map.of("type", "file", "settings", Map.of("baseDirectory", "short-lived")),
        201);
    given().delete("/api/connections/short-lived-{run}", RUN).then().statusCode(204);
    given().get("/api/connections/short-lived-{run}", RUN).then().statusCode(404);
    given().delete("/api/connections/short-lived-{run}", RUN).then().statusCode(404);
  }

  @Test
  void aBaseDirectoryOutsideTheTenantsRootIsA400NamingTheFieldAndTheRoot() throws Exception {
    Path root = tenantRoot();
    Files.createDirectories(root.resolve("relative-" + RUN));
    for (String outside : List.of("/", "/etc", "../other-tenant", root.getParent().toString())) {
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("type", "file", "settings", Map.of("baseDirectory", outside)))
          .put("/api/connections/outside-{run}", RUN)
          .then()
          .statusCode(400)
          .body("message", containsString("'settings.baseDirectory'"))
          .body("message", containsString(root.toString()));
      given()
          .contentType(ContentType.JSON)
          .body(Map.of("type", "file", "settings", Map.of("baseDirectory", outside)))
          .post("/api/connections/test")
          .then()
          .statusCode(400)
          .body("message", containsString("'settings.baseDirectory'"));
    }
    given().get("/api/connections/outside-{run}", RUN).then().statusCode(404);

    save(
        "relative-" + RUN,
        Map.of("type", "file", "settings", Map.of("baseDirectory", "relative-" + RUN)),
        201);
    given()
        .post("/api/connections/relative-{run}/test", RUN)
        .then()
        .statusCode(200)
        .body("ok", equalTo(true))
        .body("details.baseDirectory", equalTo(root.resolve("relative-" + RUN).toString()));
  }

  /** The installation tenant's file root: {@code <data-dir>/files/default} in the tests. */
  private Path tenantRoot() throws java.io.IOException {
    return Files.createDirectories(
        config.dataDir().toAbsolutePath().normalize().resolve("files/default"));
  }

  private static void save(String name, Map<String, Object> body, int status) {
    given()
        .contentType(ContentType.JSON)
        .body(body)
        .put("/api/connections/{name}", name)
        .then()
        .statusCode(status);
  }
}
