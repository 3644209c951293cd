package io.millflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceRoutesTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A system whose errors are {@code <status> <code>} in plain text. */
  private static final ErrorShape ERRORS =
      (exchange, status, code, message, retryAfter) ->
          answer(exchange, status, status + " " + (code == null ? "NOT_HERE" : code));

  private SandboxServer server;

  @BeforeEach
  void start() {
    server =
        SandboxServer.start(0, new Faults(), ERRORS)
            .api(
                "/things",
                ResourceRoutes.at("/things", ERRORS)
                    .collection("GET", exchange -> answer(exchange, 200, "list"))
                    .collection("POST", exchange -> answer(exchange, 201, "created"))
                    .item("GET", (exchange, id) -> answer(exchange, 200, "one " + id))
                    .item("PUT", (exchange, id) -> answer(exchange, 200, "updated " + id))
                    .action(
                        "POST", "cancel", (exchange, id) -> answer(exchange, 200, "cancel " + id)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void routesTheCollectionItemsAndActionsByMethod() throws Exception {
    assertThat(call("GET", "/things")).isEqualTo("200 list");
    assertThat(call("GET", "/things/")).isEqualTo("200 list");
    assertThat(call("POST", "/things")).isEqualTo("201 created");
    assertThat(call("GET", "/things/t-1")).isEqualTo("200 one t-1");
    assertThat(call("PUT", "/things/t-1")).isEqualTo("200 updated t-1");
    assertThat(call("POST", "/things/t-1/cancel")).isEqualTo("200 cancel t-1");
  }

  @Test
  void answersAnythingElseWithA404InTheSystemsShape() throws Exception {
    assertThat(call("DELETE", "/things")).isEqualTo("404 404 NOT_HERE");
    assertThat(call("POST", "/things/t-1")).isEqualTo("404 404 NOT_HERE");
    assertThat(call("GET", "/things/t-1/cancel")).isEqualTo("404 404 NOT_HERE");
    assertThat(call("POST", "/things/t-1/archive")).isEqualTo("404 404 NOT_HERE");
    assertThat(call("GET", "/things/t-1/")).isEqualTo("404 404 NOT_HERE");
    assertThat(call("POST", "/things//cancel")).isEqualTo("404 404 NOT_HERE");
    assertThat(call("GET", "/things/a/b/c")).isEqualTo("404 404 NOT_HERE");
    assertThat(call("GET", "/thingsX")).isEqualTo("404 404 NOT_HERE");
  }

  private String call(String method, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static void answer(HttpExchange exchange, int status, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
