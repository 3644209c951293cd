package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.netsuite.protocol.PemKeys;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.ConnectionCheck;
import io.millflow.step.ConnectionProblem;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection check tells each kind of failure apart from NetSuite's (the sandbox's) own
 * answers.
 */
class NetSuiteConnectionTesterTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static NetSuiteSandbox sandbox;
  private final NetSuiteConnectionTester tester =
      new NetSuiteConnectionTester(HTTP, Clock.systemUTC());

  @BeforeAll
  static void start() {
    sandbox = new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withPurchaseOrders(10)).start(0);
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void passesWithTheSandboxsM2mAndTbaCredentials() {
    ConnectionCheck m2m = tester.test(sandbox.connection("netsuite"));
    ConnectionCheck tba = tester.test(sandbox.tbaConnection("netsuite"));

    assertThat(m2m.ok()).as(String.valueOf(m2m.message())).isTrue();
    assertThat(m2m.details()).containsEntry("auth", "OAuth 2.0 M2M");
    assertThat(tba.ok()).as(String.valueOf(tba.message())).isTrue();
  }

  @Test
  void reportsAWrongCertificateId() {
    assertProblem(
        credentials(Map.of("certificateId", "not-the-one")),
        ConnectionProblem.WRONG_CERTIFICATE_ID);
  }

  @Test
  void reportsAKeyThatDoesNotBelongToTheCertificateAsAuthFailed() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String otherKey = PemKeys.pem(generator.generateKeyPair().getPrivate());

    ConnectionCheck check =
        assertProblem(credentials(Map.of("privateKey", otherKey)), ConnectionProblem.AUTH_FAILED);

    assertThat(check.fix()).contains("private.pem");
    assertThat(check.message() + check.fix()).doesNotContain(otherKey.substring(40, 90));
  }

  @Test
  void reportsAClockOffByAnHourAsClockSkew() {
    NetSuiteConnectionTester late =
        new NetSuiteConnectionTester(HTTP, Clock.offset(Clock.systemUTC(), Duration.ofHours(1)));

    ConnectionCheck check = late.test(sandbox.connection("netsuite"));

    assertThat(check.problem()).isEqualTo(ConnectionProblem.CLOCK_SKEW);
  }

  @Test
  void reportsAClockAnHourBehindAsClockSkew() {
    NetSuiteConnectionTester early =
        new NetSuiteConnectionTester(HTTP, Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));

    assertThat(early.test(sandbox.connection("netsuite")).problem())
        .isEqualTo(ConnectionProblem.CLOCK_SKEW);
  }

  @Test
  void reportsAMissingPermission() {
    try (NetSuiteSandbox denied =
        new NetSuiteSandbox(NetSuiteSandboxConfig.defaults().withoutPermission("purchaseOrder"))
            .start(0)) {
      assertProblem(denied.connection("netsuite"), ConnectionProblem.NO_PERMISSION);
    }
  }

  @Test
  void reportsRejectedTokenBasedCredentialsAsAuthFailed() {
    Connection wrong =
        NetSuiteTesting.with(
            sandbox.tbaConnection("netsuite"), Map.of(), Map.of("consumerSecret", "wrong-secret"));

    ConnectionCheck check = assertProblem(wrong, ConnectionProblem.AUTH_FAILED);

    assertThat(check.message()).doesNotContain("wrong-secret");
  }

  @Test
  void reportsAUrlWhereNoSuiteTalkAnswersAsWrongUrl() {
    assertProblem(
        NetSuiteTesting.with(
            sandbox.connection("netsuite"),
            Map.of("baseUrl", sandbox.baseUrl() + "/not-netsuite"),
            Map.of()),
        ConnectionProblem.WRONG_URL);
  }

  @Test
  void reportsAHostNobodyListensOnAsUnreachable() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    assertProblem(
        NetSuiteTesting.with(
            sandbox.connection("netsuite"),
            Map.of("baseUrl", "http://127.0.0.1:" + port),
            Map.of()),
        ConnectionProblem.UNREACHABLE);
  }

  @Test
  void reportsMissingCredentialsAsIncomplete() {
    assertProblem(
        new Connection("netsuite", "netsuite", sandbox.settings(), Map.of()),
        ConnectionProblem.INCOMPLETE);
  }

  @Test
  void reportsAFailingNetSuiteAsUnavailable() {
    sandbox.faults().failNext(1, 503);

    assertProblem(sandbox.tbaConnection("netsuite"), ConnectionProblem.UNAVAILABLE);
  }

  private Connection credentials(Map<String, String> replaced) {
    return NetSuiteTesting.with(sandbox.connection("netsuite"), Map.of(), replaced);
  }

  private ConnectionCheck assertProblem(Connection connection, ConnectionProblem problem) {
    ConnectionCheck check = tester.test(connection);
    assertThat(check.ok()).isFalse();
    assertThat(check.problem()).as(check.message()).isEqualTo(problem);
    assertThat(check.fix()).isNotBlank();
    return check;
  }
}
