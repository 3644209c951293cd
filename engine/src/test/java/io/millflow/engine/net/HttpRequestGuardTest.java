package io.millflow.engine.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.millflow.connector.http.HttpRequestStep;
import io.millflow.step.Connection;
import io.millflow.step.Json;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code http.request} under the runtime's outbound policy: the cloud metadata address is refused
 * before any call, a redirect to loopback is refused at that hop, and an allow-listed host is
 * called.
 */
class HttpRequestGuardTest {

  private final AtomicInteger secretsServed = new AtomicInteger();
  private final HttpServer server = server();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpServer server() {
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
      created.createContext(
          "/api/old",
          exchange -> {
            exchange
                .getResponseHeaders()
                .set(
                    "Location",
                    "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/api/secret");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
          });
      created.createContext(
          "/api/secret",
          exchange -> {
            secretsServed.incrementAndGet();
            byte[] body = "{\"secret\":true}".getBytes(StandardCharsets.UTF_8);
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

  private HttpRequestStep.Output run(OutboundPolicy policy, String url) {
    TestStepContext context =
        new TestStepContext()
            .withConnection(
                new Connection(
                    "api",
                    "http",
                    Map.of("baseUrl", "http://localhost:" + server.getAddress().getPort() + "/api"),
                    Map.of()));
    HttpRequestStep.Input input =
        Json.mapper()
            .convertValue(Map.of("connection", "api", "url", url), HttpRequestStep.Input.class);
    return new HttpRequestStep(policy).run(input, context);
  }

  @Test
  void refusesTheCloudMetadataAddressBeforeCallingIt() {
    assertThatThrownBy(
            () ->
                run(
                    new OutboundPolicy(true, List.of("localhost")),
                    "http://169.254.169.254/latest/meta-data/"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED");
              assertThat(e.getMessage()).contains("link-local", "millflow.outbound.allow-hosts");
            });
  }

  @Test
  void refusesARedirectToLoopbackAtThatHop() {
    assertThatThrownBy(() -> run(new OutboundPolicy(true, List.of("localhost")), "old"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED");
              assertThat(e.getMessage()).contains("redirect 1", "127.0.0.1", "loopback");
            });
    assertThat(secretsServed).hasValue(0);
  }

  @Test
  void refusesAConnectionWhoseHostResolvesToLoopback() {
    assertThatThrownBy(() -> run(new OutboundPolicy(true, List.of()), "old"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> assertThat(e.getMessage()).contains("localhost, which resolves to"));
  }

  @Test
  void followsTheRedirectWhenBothHostsAreAllowListed() {
    HttpRequestStep.Output out =
        run(new OutboundPolicy(true, List.of("localhost", "127.0.0.1")), "old");

    assertThat(out.body().path("secret").asBoolean()).isTrue();
    assertThat(secretsServed).hasValue(1);
  }
}
