package io.millflow.connector.netsuite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.netsuite.sandbox.NetSuiteSandbox;
import io.millflow.connector.netsuite.sandbox.NetSuiteSandboxConfig;
import io.millflow.step.Connection;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both kinds of NetSuite auth against the sandbox's real checks, and the life of an M2M token. */
class NetSuiteAuthTest {

  private static final String PROBE = NetSuiteConnectionTester.PROBE;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private NetSuiteSandbox sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void acceptsTheKeyTheSeedsOpensslCommandMakesAndTheSandboxVerifiesItAgainstPublicPem(
      @TempDir Path dir) throws Exception {
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "req",
                "-new",
                "-x509",
                "-newkey",
                "rsa:4096",
                "-keyout",
                "private.pem",
                "-sigopt",
                "rsa_padding_mode:pss",
                "-sha256",
                "-sigopt",
                "rsa_pss_saltlen:64",
                "-out",
                "public.pem",
                "-nodes",
                "-subj",
                "/CN=test",
                "-days",
                "1")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(openssl.exitValue())
        .as(new String(openssl.getInputStream().readAllBytes()))
        .isZero();
    sandbox =
        new NetSuiteSandbox(
                NetSuiteSandboxConfig.defaults()
                    .withPurchaseOrders(20)
                    .withCertificate(Files.readString(dir.resolve("public.pem"))))
            .start(0);
    Connection connection =
        NetSuiteTesting.with(
            sandbox.connection("openssl"),
            Map.of(),
            Map.of("privateKey", Files.readString(dir.resolve("private.pem"))));

    NetSuiteClient.SuiteQlPage page = NetSuiteTesting.client(connection).suiteQl(PROBE, 5, 0);

    assertThat(page.totalResults()).isEqualTo(20);
    assertThat(sandbox.tokensIssued()).isEqualTo(1);
  }

  @Test
  void keepsTheTokenWhileItIsFreshAndRenewsItShortlyBeforeItExpires() {
    sandbox = new NetSuiteSandbox(config().withTokenLifetime(Duration.ofMinutes(10))).start(0);
    NetSuiteClient client = client(sandbox.connection("m2m"));

    client.suiteQl(PROBE, 1, 0);
    clock.advance(Duration.ofMinutes(8));
    client.suiteQl(PROBE, 1, 0);
    assertThat(sandbox.tokensIssued()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(61)); // within a tenth of the lifetime of the end
    client.suiteQl(PROBE, 1, 0);

    assertThat(sandbox.tokensIssued()).isEqualTo(2);
  }

  @Test
  void renewsTheTokenOnceWhenNetSuiteRejectsIt() {
    sandbox = new NetSuiteSandbox(config()).start(0);
    NetSuiteClient client = client(sandbox.connection("m2m"));
    client.suiteQl(PROBE, 1, 0);

    sandbox.revokeIssuedTokens();
    client.suiteQl(PROBE, 1, 0);

    assertThat(sandbox.tokensIssued()).isEqualTo(2);
  }

  @Test
  void asksToReconnectWhenTheCredentialsAreRevoked() {
    sandbox = new NetSuiteSandbox(config()).start(0);
    NetSuiteClient client = client(sandbox.connection("m2m"));
    client.suiteQl(PROBE, 1, 0);

    sandbox.faults().revokeCredentials(true);

    assertThatThrownBy(() -> client.suiteQl(PROBE, 1, 0))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class,
            e -> {
              assertThat(e.connection()).isEqualTo("m2m");
              assertThat(e.getMessage())
                  .contains("revoked")
                  .doesNotContain(sandbox.privateKeyPem().substring(40, 80));
            });
  }

  @Test
  void signsTokenBasedAuthRequestsTheSandboxVerifies() {
    sandbox = new NetSuiteSandbox(config()).start(0);

    NetSuiteClient.SuiteQlPage page = client(sandbox.tbaConnection("tba")).suiteQl(PROBE, 5, 5);

    assertThat(page.items()).hasSize(5);
    assertThat(sandbox.tokensIssued()).isZero();
  }

  @Test
  void refusesATokenBasedAuthRequestSentTwice() throws Exception {
    sandbox = new NetSuiteSandbox(config()).start(0);
    NetSuiteAuth.Tba tba =
        (NetSuiteAuth.Tba) NetSuiteConnectionSettings.of(sandbox.tbaConnection("tba")).auth();
    URI uri = URI.create(sandbox.baseUrl() + "/services/rest/record/v1/vendor/2001");
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header(
                "Authorization",
                TbaHeader.of("GET", uri, "1234567", tba, "once", clock.instant().getEpochSecond()))
            .build();
    HttpClient http = HttpClient.newHttpClient();

    int first = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    int replayed = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();

    assertThat(first).isEqualTo(200);
    assertThat(replayed).isEqualTo(401);
  }

  @Test
  void asksToReconnectWhenATokenSecretIsWrong() {
    sandbox = new NetSuiteSandbox(config()).start(0);
    Connection wrong =
        NetSuiteTesting.with(sandbox.tbaConnection("tba"), Map.of(), Map.of("tokenSecret", "nope"));

    assertThatThrownBy(() -> client(wrong).suiteQl(PROBE, 1, 0))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("INVALID_LOGIN", "token")
                    .doesNotContain("nope"));
  }

  @Test
  void refusesAPrivateKeyThatIsNotAPem() {
    Connection connection =
        new Connection(
            "bad",
            "netsuite",
            Map.of("accountId", "1234567"),
            Map.of("clientId", "c", "certificateId", "k", "privateKey", "not a key"));

    assertThatThrownBy(() -> NetSuiteConnectionSettings.of(connection))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class,
            e ->
                assertThat(e.getMessage())
                    .contains("BEGIN PRIVATE KEY")
                    .doesNotContain("not a key"));
  }

  private NetSuiteSandboxConfig config() {
    return NetSuiteSandboxConfig.defaults().withPurchaseOrders(20).withClock(clock);
  }

  private NetSuiteClient client(Connection connection) {
    return NetSuiteTesting.clients(clock).forSettings(NetSuiteConnectionSettings.of(connection));
  }
}
