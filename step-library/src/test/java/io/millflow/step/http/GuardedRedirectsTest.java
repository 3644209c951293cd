package io.millflow.step.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.millflow.step.OutboundGuard;
import io.millflow.step.StepFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connectors' redirects are followed by hand, each hop asked of the guard before it is sent: a
 * redirect to a refused address is never called, an allowed one is followed, a credential is not
 * carried to another origin, and a client that follows redirects itself is not accepted.
 */
class GuardedRedirectsTest {

  private final List<String> served = new CopyOnWriteArrayList<>();
  private final HttpServer server = server();

  private static final OutboundGuard REFUSES_127_0_0_1 =
      (field, target) ->
          "127.0.0.1".equals(target.getHost())
              ? Optional.of("Field '" + field + "' points at loopback.")
              : Optional.empty();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void refusesARedirectToARefusedAddressWithoutCallingIt() {
    HttpClient client = client(REFUSES_127_0_0_1);

    assertThatThrownBy(() -> client.send(get("/to-loopback"), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED");
              assertThat(e.getMessage()).contains("redirect 1 of", "/to-loopback", "loopback");
            });
    assertThat(served).containsExactly("GET /to-loopback");
  }

  @Test
  void refusesItAsyncToo() {
    HttpClient client = client(REFUSES_127_0_0_1);

    assertThatThrownBy(
            () ->
                client.sendAsync(get("/to-loopback"), HttpResponse.BodyHandlers.ofString()).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(StepFailure.class);
    assertThat(served).containsExactly("GET /to-loopback");
  }

  @Test
  void followsAnAllowedRedirectDroppingCredentialsForAnotherOrigin() throws Exception {
    HttpClient client = client((field, target) -> Optional.empty());

    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(uri("/to-loopback"))
                .header("Authorization", "Bearer secret")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("target, Authorization: none");
    assertThat(answer.uri().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void continuesASeeOtherAsGet() throws Exception {
    HttpClient client = client((field, target) -> Optional.empty());

    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(uri("/see-other"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(served).containsExactly("POST /see-other", "GET /target");
  }

  @Test
  void stopsAfterFiveRedirects() {
    HttpClient client = client((field, target) -> Optional.empty());

    assertThatThrownBy(() -> client.send(get("/loop"), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOfSatisfying(
            StepFailure.class, e -> assertThat(e.code()).isEqualTo("HTTP_TOO_MANY_REDIRECTS"));
    assertThat(served).hasSize(GuardedRedirects.MAX_REDIRECTS + 1);
  }

  @Test
  void refusesAClientThatFollowsRedirectsItself() {
    HttpClient following =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> ObservedHttpClient.of(following, HttpClient.Redirect.NORMAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Redirect.NEVER");
  }

  private static HttpClient client(OutboundGuard guard) {
    return ObservedHttpClient.of(HttpClient.newHttpClient(), HttpClient.Redirect.NORMAL, guard);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).build();
  }

  /** By name: the redirects go to 127.0.0.1, another origin. */
  private URI uri(String path) {
    return URI.create("http://localhost:" + server.getAddress().getPort() + path);
  }

  private HttpServer server() {
    try {
      HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
      created.createContext(
          "/",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            served.add(exchange.getRequestMethod() + " " + path);
            int port = exchange.getLocalAddress().getPort();
            switch (path) {
              case "/to-loopback" ->
                  redirect(exchange, 302, "http://127.0.0.1:" + port + "/target");
              case "/see-other" -> redirect(exchange, 303, "/target");
              case "/loop" -> redirect(exchange, 307, "/loop");
              default -> {
                String authorization =
                    exchange.getRequestHeaders().getFirst("Authorization") == null
                        ? "none"
                        : "sent";
                byte[] body =
                    ("target, Authorization: " + authorization).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
              }
            }
            exchange.close();
          });
      created.start();
      return created;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void redirect(com.sun.net.httpserver.HttpExchange exchange, int status, String to)
      throws IOException {
    exchange.getResponseHeaders().set("Location", to);
    exchange.sendResponseHeaders(status, -1);
  }
}
