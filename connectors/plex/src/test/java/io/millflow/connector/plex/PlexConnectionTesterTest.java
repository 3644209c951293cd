package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Plex connection test against the sandbox: each way a connection can be wrong gets its own
 * problem.
 */
class PlexConnectionTesterTest {

  private static final String TENANT = "11111111-1111-4111-8111-111111111111";

  @RegisterExtension
  static final PlexSandboxExtension PLEX =
      new PlexSandboxExtension(
          PlexSandboxConfig.defaults()
              .withPurchaseOrders(0)
              .withTenantId(TENANT)
              .withoutRateLimit());

  private final PlexSandbox sandbox = PLEX.sandbox();
  private final PlexConnectionTester tester = new PlexConnectionTester();

  @Test
  void passesWithTheTenantAndTheDataSourceAccountInItsDetails() {
    ConnectionCheck check =
        tester.test(
            connection(
                Map.of("dataSourceBaseUrl", sandbox.dataSourceBaseUrl()),
                Map.of("username", "millflow-ws", "password", "sandbox-password")));

    assertThat(check.ok()).as(check.message()).isTrue();
    assertThat(check.details())
        .containsEntry("tenant", "Millflow Plex sandbox")
        .containsEntry("dataSourceAccount", "millflow-ws");
    assertThat(tester.type()).isEqualTo("plex");
  }

  @Test
  void reportsAWrongKeyAsAuthFailedWithoutShowingIt() {
    ConnectionCheck check =
        tester.test(connection(Map.of(), Map.of("apiKey", "0d9c8b7a-6f5e-4d3c-8b2a-19f8e7d6c5b4")));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.AUTH_FAILED);
    assertThat(check.message()).contains("wrong key").doesNotContain("0d9c8b7a");
    assertThat(check.fix()).contains("apiKey");
  }

  @Test
  void tellsARefusedTenantFromAWrongKeyAndNamesTheSetting() {
    ConnectionCheck check =
        tester.test(
            connection(Map.of("tenantId", "22222222-2222-4222-8222-222222222222"), Map.of()));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.NO_PERMISSION);
    assertThat(check.message()).contains("tenantId '22222222-2222-4222-8222-222222222222'");
    assertThat(check.fix()).contains("tenantId");
  }

  @Test
  void reportsA403AsNoPermission() {
    sandbox.faults().failNext(1, 403);

    assertThat(tester.test(connection(Map.of(), Map.of())).problem())
        .isEqualTo(ConnectionProblem.NO_PERMISSION);
  }

  @Test
  void reportsA404AsWrongUrl() {
    ConnectionCheck check =
        tester.test(connection(Map.of("baseUrl", sandbox.baseUrl() + "/api"), Map.of()));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.WRONG_URL);
    assertThat(check.fix()).contains("https://connect.plex.com");
  }

  @Test
  void reportsAServerThatIsNotPlexAsWrongUrl() throws IOException {
    HttpServer web =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    web.createContext(
        "/",
        exchange -> {
          byte[] page = "<html>Welcome</html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    web.start();
    try {
      String url = "http://127.0.0.1:" + web.getAddress().getPort();

      assertThat(tester.test(connection(Map.of("baseUrl", url), Map.of())).problem())
          .isEqualTo(ConnectionProblem.WRONG_URL);
      assertThat(
              tester
                  .test(
                      connection(
                          Map.of("dataSourceBaseUrl", url),
                          Map.of("username", "u", "password", "p")))
                  .problem())
          .isEqualTo(ConnectionProblem.WRONG_URL);
    } finally {
      web.stop(0);
    }
  }

  @Test
  void reportsARefusedConnectionAndAnUnknownHostAsUnreachable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    assertThat(
            tester
                .test(connection(Map.of("baseUrl", "http://127.0.0.1:" + closedPort), Map.of()))
                .problem())
        .isEqualTo(ConnectionProblem.UNREACHABLE);
    assertThat(
            tester.test(connection(Map.of("baseUrl", "http://plex.invalid"), Map.of())).problem())
        .isEqualTo(ConnectionProblem.UNREACHABLE);
  }

  @Test
  void reportsASilentPlexAsTimeout() {
    sandbox.faults().delayNext(1, Duration.ofSeconds(3));

    ConnectionCheck check = tester.test(connection(Map.of("timeoutSeconds", "1"), Map.of()));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.TIMEOUT);
    assertThat(check.message()).contains("within 1 s");
  }

  @Test
  void reportsLimitsAndServerErrorsAsUnavailable() {
    sandbox.faults().rateLimitNext(1, Duration.ofSeconds(5)).failNext(1, 503);

    assertThat(tester.test(connection(Map.of(), Map.of())).problem())
        .isEqualTo(ConnectionProblem.UNAVAILABLE);
    assertThat(tester.test(connection(Map.of(), Map.of())).problem())
        .isEqualTo(ConnectionProblem.UNAVAILABLE);
  }

  @Test
  void checksTheDataSourceAccountWhenTheConnectionUsesIt() {
    ConnectionCheck check =
        tester.test(
            connection(
                Map.of("dataSourceBaseUrl", sandbox.dataSourceBaseUrl()),
                Map.of("username", "millflow-ws", "password", "not-it")));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.AUTH_FAILED);
    assertThat(check.message()).contains("Data Source API").doesNotContain("not-it");
    assertThat(check.fix()).contains("username and password");
  }

  @Test
  void reportsAMissingKeyAsIncomplete() {
    ConnectionCheck check =
        tester.test(new Connection("plex", "plex", Map.of("baseUrl", sandbox.baseUrl()), Map.of()));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.INCOMPLETE);
    assertThat(check.message()).contains("apiKey");
  }

  private Connection connection(Map<String, String> settings, Map<String, String> credentials) {
    Map<String, String> allSettings = new HashMap<>(Map.of("baseUrl", sandbox.baseUrl()));
    allSettings.putAll(settings);
    Map<String, String> allCredentials = new HashMap<>(Map.of("apiKey", sandbox.config().apiKey()));
    allCredentials.putAll(credentials);
    return new Connection("plex", "plex", allSettings, allCredentials);
  }
}
