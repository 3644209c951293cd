package io.millflow.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.millflow.connector.plex.HttpPlexClientFactory;
import io.millflow.connector.plex.PlexConnection;
import io.millflow.engine.store.StateStore;
import io.millflow.step.StepFailure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connector's client (Plex here; Idhammar's is built the same way) follows redirects through the
 * runtime's outbound policy, not through the JDK: a system that answers with a redirect to the
 * state store's port or to loopback is refused at that hop, and the target is never called.
 */
@QuarkusTest
class ConnectorRedirectsTest {

  @Inject StateStore store;

  private final AtomicReference<String> location = new AtomicReference<>();
  private final AtomicInteger targetCalls = new AtomicInteger();
  private final HttpServer server = server();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void refusesARedirectToTheStateStoresPort() {
    location.set("http://localhost:" + store.embeddedServer().orElseThrow().port() + "/");

    assertThatThrownBy(this::readTenants)
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED");
              assertThat(e.getMessage()).contains("redirect 1", "state store");
            });
  }

  @Test
  void refusesARedirectToALoopbackAddressThatIsNotAllowListed() {
    location.set("http://127.0.0.2:" + server.getAddress().getPort() + "/target");

    assertThatThrownBy(this::readTenants)
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> assertThat(e.getMessage()).contains("loopback", "millflow.outbound.allow-hosts"));
    assertThat(targetCalls).hasValue(0);
  }

  @Test
  void followsARedirectToAnAllowedAddress() {
    location.set("http://127.0.0.1:" + server.getAddress().getPort() + "/target");

    assertThat(readTenants()).isEmpty();
    assertThat(targetCalls).hasValue(1);
  }

  private java.util.List<?> readTenants() {
    PlexConnection connection =
        new PlexConnection(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            null,
            null,
            0,
            10,
            "key",
            null,
            null,
            null);
    return new HttpPlexClientFactory().forConnection("redirecting", connection).tenants();
  }

  private HttpServer server() {
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
      created.createContext(
          "/mdm/v1/tenants",
          exchange -> {
            exchange.getResponseHeaders().set("Location", location.get());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
          });
      created.createContext(
          "/target",
          exchange -> {
            targetCalls.incrementAndGet();
            byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      created.start();
      return created;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
