package io.millflow.engine.observe;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.millflow.engine.TestMasterKey;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the state store: down while its PostgreSQL is stopped, up again once it is
 * back. Liveness stays up throughout: a restart would not bring the database back.
 */
@QuarkusTest
@WithTestResource(
    value = ReadinessTest.StoppablePostgres.class,
    scope = TestResourceScope.RESTRICTED_TO_CLASS)
class ReadinessTest {

  @TestHTTPResource(value = "health/ready", management = true)
  URL ready;

  @TestHTTPResource(value = "health/live", management = true)
  URL live;

  @Test
  void readinessFlipsDownWhileTheStateStoreIsStoppedAndBackUp() throws IOException {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> given().get(ready).then().statusCode(200).body("status", equalTo("UP")));

    StoppablePostgres.stopServer();
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  given()
                      .get(ready)
                      .then()
                      .statusCode(503)
                      .body("status", equalTo("DOWN"))
                      .body("checks.find { it.name == 'state-store' }.status", equalTo("DOWN")));
      given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    } finally {
      StoppablePostgres.startAgain();
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> given().get(ready).then().statusCode(200).body("status", equalTo("UP")));
  }

  /**
   * An external state store on a fixed port and data directory, so that it can be stopped and
   * started again.
   */
  public static class StoppablePostgres implements QuarkusTestResourceLifecycleManager {

    /**
     * A new directory each time: the server started again keeps its data there when the test ends.
     */
    private static final File DATA = new File("target/pg-readiness/data-" + System.nanoTime());

    private static EmbeddedPostgres server;
    private static int port;

    @Override
    public Map<String, String> start() {
      try {
        server =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File("target/pg-readiness"))
                .setDataDirectory(DATA)
                .setCleanDataDirectory(true)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      port = server.getPort();
      return Map.of(
          "millflow.db.url",
          server.getJdbcUrl("postgres", "postgres"),
          "millflow.db.username",
          "postgres",
          "millflow.db.connection-timeout",
          "PT1S",
          // an external state store needs the key every instance over it shares: the tests' one
          "millflow.security.master-key-file",
          TestMasterKey.file().toString());
    }

    static void stopServer() throws IOException {
      server.close();
    }

    static void startAgain() throws IOException {
      server =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(new File("target/pg-readiness"))
              .setDataDirectory(DATA)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
    }

    @Override
    public void stop() {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
