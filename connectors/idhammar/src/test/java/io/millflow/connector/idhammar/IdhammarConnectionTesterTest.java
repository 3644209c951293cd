package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.millflow.connector.idhammar.sandbox.IdhammarSandbox;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig;
import io.millflow.connector.idhammar.sandbox.SandboxExtension;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each way a connection can be wrong, told apart by the cheapest call. */
class IdhammarConnectionTesterTest {

  @RegisterExtension
  static final SandboxExtension SANDBOX =
      new SandboxExtension(
          IdhammarSandboxConfig.defaults().withDowntimeEvents(10).withoutRateLimit());

  private final IdhammarSandbox sandbox = SANDBOX.sandbox();
  private final IdhammarConnectionTester tester = new IdhammarConnectionTester();

  @Test
  void passesWithTheSandboxsOwnConnectionInOneCall() {
    long before = sandbox.apiCalls();

    ConnectionCheck check = tester.test(sandbox.connection("idhammar-sandbox"));

    assertThat(check.ok()).isTrue();
    assertThat(tester.type()).isEqualTo("idhammar");
    assertThat(sandbox.apiCalls() - before).isEqualTo(1);
  }

  @Test
  void tellsAWrongTokenFromMissingPermission() {
    Connection wrong = HttpIdhammarClientTest.connection(sandbox, "oee", Map.of(), "idh_wrong");
    ConnectionCheck rejected = tester.test(wrong);
    sandbox.faults().failNext(1, 403);
    ConnectionCheck forbidden = tester.test(sandbox.connection("oee"));

    assertThat(rejected.problem()).isEqualTo(ConnectionProblem.AUTH_FAILED);
    assertThat(rejected.message()).doesNotContain("idh_wrong");
    assertThat(rejected.fix()).contains("apiToken");
    assertThat(forbidden.problem()).isEqualTo(ConnectionProblem.NO_PERMISSION);
  }

  @Test
  void tellsAWrongUrlAnUnreachableHostAndATimeout() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    ConnectionCheck wrongPath =
        tester.test(
            HttpIdhammarClientTest.connection(
                sandbox,
                "oee",
                Map.of("baseUrl", sandbox.baseUrl() + "/api/v1"),
                sandbox.config().apiToken()));
    ConnectionCheck refused =
        tester.test(
            HttpIdhammarClientTest.connection(
                sandbox, "oee", Map.of("baseUrl", "http://127.0.0.1:" + closedPort), "t"));
    sandbox.faults().delayNext(1, Duration.ofSeconds(3));
    ConnectionCheck slow =
        tester.test(
            HttpIdhammarClientTest.connection(
                sandbox, "oee", Map.of("timeoutSeconds", "1"), sandbox.config().apiToken()));

    assertThat(wrongPath.problem()).isEqualTo(ConnectionProblem.WRONG_URL);
    assertThat(refused.problem()).isEqualTo(ConnectionProblem.UNREACHABLE);
    assertThat(slow.problem()).isEqualTo(ConnectionProblem.TIMEOUT);
  }

  @Test
  void tellsAWebsiteThatAnswersWithHtmlFromTheApi() throws IOException {
    HttpServer website =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    website.createContext(
        "/",
        exchange -> {
          byte[] page = "<html><body>Welcome</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    website.start();
    try {
      ConnectionCheck check =
          tester.test(
              new Connection(
                  "oee",
                  "idhammar",
                  Map.of("baseUrl", "http://127.0.0.1:" + website.getAddress().getPort()),
                  Map.of("apiToken", "t")));

      assertThat(check.problem()).isEqualTo(ConnectionProblem.WRONG_URL);
      assertThat(check.message()).contains("not with the Idhammar API's JSON");
    } finally {
      website.stop(0);
    }
  }

  @Test
  void reportsFailingOrLimitingServersAsUnavailable() {
    sandbox.faults().failNext(1, 503).rateLimitNext(1, Duration.ofSeconds(5));

    assertThat(tester.test(sandbox.connection("oee")).problem())
        .isEqualTo(ConnectionProblem.UNAVAILABLE);
    assertThat(tester.test(sandbox.connection("oee")).problem())
        .isEqualTo(ConnectionProblem.UNAVAILABLE);
  }

  @Test
  void reportsAMissingSettingAsIncomplete() {
    ConnectionCheck check =
        tester.test(new Connection("oee", "idhammar", Map.of(), Map.of("apiToken", "t")));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.INCOMPLETE);
    assertThat(check.message()).contains("baseUrl");
  }
}
