package io.millflow.connector.plex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.connector.plex.sandbox.PlexSandbox;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client against a running sandbox: answers and, above all, the error mapping steps rely on.
 */
class HttpPlexClientTest {

  private static final String WRONG_KEY = "0d9c8b7a-6f5e-4d3c-8b2a-19f8e7d6c5b4";

  @RegisterExtension
  static final PlexSandboxExtension PLEX =
      new PlexSandboxExtension(
          PlexSandboxConfig.defaults().withPurchaseOrders(40).withoutRateLimit());

  private final PlexSandbox sandbox = PLEX.sandbox();
  private final HttpPlexClientFactory clients = new HttpPlexClientFactory();

  @Test
  void readsPurchaseOrdersOfAWindowAndTheirLineItems() {
    PlexClient client = clients.forConnection(PlexConnections.to(sandbox, "plex"));

    var orders =
        client.purchaseOrders(PurchaseOrderFilter.modifiedIn(Instant.EPOCH, Instant.now()));
    var lines = client.purchaseOrderLineItems(orders.get(0).get("id").asText());

    assertThat(orders).hasSize(40);
    assertThat(lines).hasSize(5);
  }

  @Test
  void keepsPlexsDecimalsAsSent() {
    PlexClient client = clients.forConnection(PlexConnections.to(sandbox, "plex"));

    var prices =
        client.purchaseOrders(PurchaseOrderFilter.modifiedIn(Instant.EPOCH, Instant.now())).stream()
            .flatMap(order -> client.purchaseOrderLineItems(order.get("id").asText()).stream())
            .map(line -> line.get("unitPrice").decimalValue());

    assertThat(prices).anyMatch(price -> price.scale() == 4 && price.toPlainString().endsWith("0"));
  }

  @Test
  void turnsARejectedKeyIntoReauthNamingTheConnectionButNeverTheKey() {
    PlexClient client =
        clients.forConnection(PlexConnections.to(sandbox, "plex-prod", WRONG_KEY, Map.of()));

    assertThatThrownBy(client::tenants)
        .isInstanceOfSatisfying(
            ReauthRequiredException.class, e -> assertThat(e.connection()).isEqualTo("plex-prod"))
        .hasMessageContaining("Plex rejected the API key of connection 'plex-prod'")
        .hasMessageContaining("401 REQUEST_NOT_AUTHENTICATED")
        .hasMessageContaining("Enter a valid Plex Connect consumer key for connection 'plex-prod'")
        .hasMessageMatching("(?s).*request [0-9a-f-]{36}.*")
        .hasMessageNotContaining(WRONG_KEY);
  }

  @Test
  void turnsAnInjected503IntoARetryableErrorNamingTheCall() {
    sandbox.faults().failNext(1, 503);
    PlexClient client = clients.forConnection(PlexConnections.to(sandbox, "plex"));

    assertThatThrownBy(
            () ->
                client.purchaseOrders(PurchaseOrderFilter.modifiedIn(Instant.EPOCH, Instant.now())))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("503")
        .hasMessageContaining("GET /purchasing/v1/purchase-orders")
        .hasMessageMatching("(?s).*request [0-9a-f-]{36}.*")
        .hasMessageNotContaining(sandbox.config().apiKey());
  }

  @Test
  void readsRetryAfterOfA429() {
    sandbox.faults().rateLimitNext(1, Duration.ofSeconds(42));
    PlexClient client = clients.forConnection(PlexConnections.to(sandbox, "plex"));

    assertThatThrownBy(client::tenants)
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(42)));
  }

  @Test
  void treatsAQuota403AsRetryableAndAnyOther403AsReauth() {
    sandbox.faults().plan(1, PlexSandbox.quotaExceeded(Duration.ofSeconds(60))).failNext(1, 403);
    PlexClient client = clients.forConnection(PlexConnections.to(sandbox, "plex"));

    assertThatThrownBy(client::tenants)
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(60)));
    assertThatThrownBy(client::tenants)
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("connection 'plex'");
  }

  @Test
  void turnsA400IntoAStepFailureWithPlexsMessage() {
    sandbox.faults().failNext(1, 400);
    PlexClient client = clients.forConnection(PlexConnections.to(sandbox, "plex"));

    assertThatThrownBy(client::tenants)
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("PLEX_BAD_REQUEST"))
        .hasMessageContaining("The request is invalid.");
  }

  @Test
  void turnsAWrongUrlIntoNotFoundButMissingLineItemsIntoNone() {
    PlexClient wrongUrl =
        clients.forConnection(
            PlexConnections.to(
                sandbox,
                "plex",
                sandbox.config().apiKey(),
                Map.of("baseUrl", sandbox.baseUrl() + "/api")));
    PlexClient client = clients.forConnection(PlexConnections.to(sandbox, "plex"));

    assertThatThrownBy(wrongUrl::tenants)
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("PLEX_NOT_FOUND"))
        .hasMessageContaining("base URL of connection 'plex'");
    assertThat(client.purchaseOrderLineItems("00000000-0000-4000-8000-000000000000")).isEmpty();
  }

  @Test
  void turnsATimeoutIntoARetryableError() {
    sandbox.faults().delayNext(1, Duration.ofSeconds(3));
    PlexClient client =
        clients.forConnection(
            PlexConnections.to(
                sandbox, "plex", sandbox.config().apiKey(), Map.of("timeoutSeconds", "1")));

    assertThatThrownBy(client::tenants)
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("did not answer GET /mdm/v1/tenants within 1 s");
  }

  @Test
  void turnsARefusedConnectionIntoARetryableError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    PlexClient client =
        clients.forConnection(
            PlexConnections.to(
                sandbox, "plex", "key", Map.of("baseUrl", "http://127.0.0.1:" + closedPort)));

    assertThatThrownBy(client::tenants)
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("Cannot reach Plex at http://127.0.0.1:" + closedPort);
  }

  @Test
  void sendsTheTenantHeaderTheConnectionNames() {
    PlexSandboxConfig config =
        PlexSandboxConfig.defaults().withTenantId("11111111-1111-4111-8111-111111111111");
    try (PlexSandbox tenantSandbox = new PlexSandbox(config).start(0)) {
      PlexClient other =
          clients.forConnection(
              PlexConnections.to(
                  tenantSandbox,
                  "plex",
                  config.apiKey(),
                  Map.of("tenantId", "22222222-2222-4222-8222-222222222222")));
      PlexClient right =
          clients.forConnection(
              PlexConnections.to(
                  tenantSandbox, "plex", config.apiKey(), Map.of("tenantId", config.tenantId())));

      assertThatThrownBy(other::tenants).isInstanceOf(ReauthRequiredException.class);
      assertThat(right.tenants()).isNotEmpty();
    }
  }

  @Test
  void refusesAConnectionWithoutKeyOrWithABadBaseUrl() {
    var noKey =
        new io.millflow.step.Connection(
            "plex", "plex", Map.of("baseUrl", sandbox.baseUrl()), Map.of());
    var badUrl =
        new io.millflow.step.Connection(
            "plex", "plex", Map.of("baseUrl", "connect.plex.com"), Map.of("apiKey", "k"));

    assertThatThrownBy(() -> clients.forConnection(noKey))
        .isInstanceOf(ReauthRequiredException.class);
    assertThatThrownBy(() -> clients.forConnection(badUrl))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("CONNECTION_INVALID"));
  }
}
