package io.millflow.engine.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.Connection;
import io.millflow.step.sandbox.Sandbox;
import io.millflow.step.sandbox.SandboxSettings;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runtime finds the connectors' sandboxes through the Sandbox SPI alone: every one on the class
 * path (the engine's tests have all three), or none in a production build, where the class path
 * holds no sandbox module.
 */
class ConnectorSandboxesTest {

  private static final SandboxSettings SMALL =
      SandboxSettings.of(
          Map.of(
              "plex-purchase-orders",
              "3",
              "plex-rate-limit-per-minute",
              "0",
              "netsuite-purchase-orders",
              "2",
              "idhammar-downtime-events",
              "5"));

  @Test
  void startsEverySandboxOnTheClassPathWithTheConnectionTheExampleFlowsUse() throws Exception {
    try (ConnectorSandboxes sandboxes = new ConnectorSandboxes(getClass().getClassLoader())) {
      assertThat(sandboxes.systems()).containsExactly("idhammar", "netsuite", "plex");

      List<Sandbox> running = sandboxes.start(SMALL);

      assertThat(
              running.stream()
                  .flatMap(sandbox -> sandbox.connections().stream())
                  .map(Connection::name))
          .containsExactly("idhammar-sandbox", "netsuite-sandbox", "plex-sandbox");
      Sandbox plex = sandboxes.offering("plex-sandbox").orElseThrow();
      assertThat(plex.summary())
          .startsWith("Plex sandbox: " + plex.baseUrl() + " (3 purchase orders");
      assertThat(sandboxes.start(SMALL)).as("started once").isEqualTo(running);
    }
  }

  @Test
  void aFaultInjectedThroughTheSpiReachesTheSystemsNextCall() throws Exception {
    try (ConnectorSandboxes sandboxes = new ConnectorSandboxes(getClass().getClassLoader())) {
      sandboxes.start(SMALL);
      Sandbox plex = sandboxes.offering("plex-sandbox").orElseThrow();
      Connection connection = plex.connections().getFirst();

      plex.faults().failNext(1, 503);

      assertThat(purchaseOrdersStatus(plex, connection)).isEqualTo(503);
      assertThat(purchaseOrdersStatus(plex, connection)).isEqualTo(200);
      assertThat(plex.apiCalls()).isEqualTo(2);
    }
  }

  @Test
  void startsNoneWhenNoSandboxModuleIsOnTheClassPath() throws Exception {
    try (URLClassLoader production =
            new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        ConnectorSandboxes sandboxes = new ConnectorSandboxes(production)) {
      assertThat(sandboxes.systems()).isEmpty();
      assertThat(sandboxes.start(SMALL)).isEmpty();
      assertThat(sandboxes.offering("plex-sandbox")).isEmpty();
    }
  }

  private static int purchaseOrdersStatus(Sandbox plex, Connection connection) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(plex.baseUrl() + "/purchasing/v1/purchase-orders"))
            .header("X-Plex-Connect-Api-Key", connection.credential("apiKey"))
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
