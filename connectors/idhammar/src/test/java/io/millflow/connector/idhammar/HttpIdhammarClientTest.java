package io.millflow.connector.idhammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.idhammar.IdhammarClient.DowntimeQuery;
import io.millflow.connector.idhammar.sandbox.IdhammarSandbox;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig;
import io.millflow.connector.idhammar.sandbox.SandboxExtension;
import io.millflow.step.Connection;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against a running sandbox: each injected fault becomes the error class steps rely on.
 */
class HttpIdhammarClientTest {

  private static final String WRONG_TOKEN = "idh_wrong_0000000000000000";
  private static final String REQUEST_ID = "(?s).*request [0-9a-f-]{36}.*";

  @RegisterExtension
  static final SandboxExtension SANDBOX =
      new SandboxExtension(
          IdhammarSandboxConfig.defaults().withDowntimeEvents(300).withoutRateLimit());

  private final IdhammarSandbox sandbox = SANDBOX.sandbox();
  private final HttpIdhammarClientFactory clients = new HttpIdhammarClientFactory();

  static Connection connection(
      IdhammarSandbox sandbox, String name, Map<String, String> extraSettings, String token) {
    Map<String, String> settings = new HashMap<>(sandbox.connectionSettings());
    settings.putAll(extraSettings);
    return new Connection(name, "idhammar", settings, Map.of("apiToken", token));
  }

  private IdhammarClient client() {
    return clients.forConnection(sandbox.connection("oee"));
  }

  @Test
  void readsAPageAndItsNextCursor() {
    IdhammarPage first =
        client().downtimeEvents(new DowntimeQuery(null, null, null, null, 100), null);
    IdhammarPage second =
        client().downtimeEvents(new DowntimeQuery(null, null, null, null, 100), first.next());

    assertThat(first.data()).hasSize(100);
    assertThat(second.data()).hasSize(100).doesNotContainAnyElementsOf(first.data());
  }

  @Test
  void turnsARejectedTokenIntoReauthNamingTheConnectionButNeverTheToken() {
    IdhammarClient client =
        clients.forConnection(connection(sandbox, "oee-prod", Map.of(), WRONG_TOKEN));

    assertThatThrownBy(() -> client.sites(1, null))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class, e -> assertThat(e.connection()).isEqualTo("oee-prod"))
        .hasMessageContaining("Idhammar rejected the API token of connection 'oee-prod'")
        .hasMessageContaining("401 unauthorized")
        .hasMessageContaining("enter it as apiToken")
        .hasMessageMatching(REQUEST_ID)
        .hasMessageNotContaining(WRONG_TOKEN);
  }

  @Test
  void turnsARevokedTokenIntoReauth() {
    sandbox.faults().revokeCredentials(true);

    assertThatThrownBy(() -> client().machines(null, 10, null))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("token_revoked");
  }

  @Test
  void turnsA403IntoReauthAskingForReadAccess() {
    sandbox.faults().failNext(1, 403);

    assertThatThrownBy(() -> client().sites(1, null))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("read access");
  }

  @Test
  void turnsInjected500And503IntoRetryableErrorsNamingTheCall() {
    sandbox.faults().failNext(1, 500).failNext(1, 503);

    assertThatThrownBy(() -> client().sites(1, null))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("500 internal_error")
        .hasMessageContaining("GET /api/v1/sites")
        .hasMessageMatching(REQUEST_ID);
    assertThatThrownBy(() -> client().sites(1, null))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("503 unavailable");
  }

  @Test
  void turnsA429IntoARetryableErrorWithTheServersRetryAfter() {
    sandbox.faults().rateLimitNext(1, Duration.ofSeconds(30));

    assertThatThrownBy(() -> client().sites(1, null))
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(30)))
        .hasMessageContaining("limiting");
  }

  @Test
  void turnsAnOutageIntoARetryableErrorThatWaitsItOut() {
    sandbox.faults().outage(Duration.ofSeconds(90));

    assertThatThrownBy(() -> client().sites(1, null))
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e ->
                assertThat(e.retryAfter())
                    .hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isBetween(80L, 90L)));
  }

  @Test
  void turnsAnErrorRateIntoRetryableErrors() {
    sandbox.faults().errorRate(1.0, 500);

    assertThatThrownBy(() -> client().sites(1, null)).isInstanceOf(RetryableStepException.class);
  }

  @Test
  void turnsASlowAnswerIntoARetryableTimeout() {
    sandbox.faults().delayNext(1, Duration.ofSeconds(3));
    IdhammarClient client =
        clients.forConnection(
            connection(sandbox, "oee", Map.of("timeoutSeconds", "1"), sandbox.config().apiToken()));

    assertThatThrownBy(() -> client.sites(1, null))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("did not answer GET /api/v1/sites within 1 s");
  }

  @Test
  void turnsARefusedConnectionIntoARetryableError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    IdhammarClient client =
        clients.forConnection(
            new Connection(
                "oee",
                "idhammar",
                Map.of("baseUrl", "http://127.0.0.1:" + closedPort),
                Map.of("apiToken", "t")));

    assertThatThrownBy(() -> client.sites(1, null))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("Cannot reach Idhammar at http://127.0.0.1:" + closedPort);
  }

  @Test
  void turnsARefusedParameterIntoAStepFailureNamingIt() {
    assertThatThrownBy(
            () -> client().downtimeEvents(new DowntimeQuery(null, null, "M-0000", null, 10), null))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("IDHAMMAR_BAD_REQUEST"))
        .hasMessageContaining("M-0000");
  }

  @Test
  void turnsAWrongBaseUrlIntoANotFoundStepFailure() {
    IdhammarClient client =
        clients.forConnection(
            connection(
                sandbox,
                "oee",
                Map.of("baseUrl", sandbox.baseUrl() + "/oee"),
                sandbox.config().apiToken()));

    assertThatThrownBy(() -> client.sites(1, null))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("IDHAMMAR_NOT_FOUND"))
        .hasMessageContaining("Check the base URL");
  }

  @Test
  void asksForATokenWhenTheConnectionHasNone() {
    Connection noToken = new Connection("oee", "idhammar", sandbox.connectionSettings(), Map.of());

    assertThatThrownBy(() -> clients.forConnection(noToken))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("apiToken");
  }
}
