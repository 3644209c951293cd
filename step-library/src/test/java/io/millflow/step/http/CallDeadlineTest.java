package io.millflow.step.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallDeadlineTest {

  private final CountDownLatch release = new CountDownLatch(1);
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/answer",
        exchange -> {
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.createContext(
        "/hang",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  @Test
  void handsBackAnAnswerThatCameInTime() throws Exception {
    HttpResponse<String> response =
        CallDeadline.send(
            http, get("/answer"), HttpResponse.BodyHandlers.ofString(), Duration.ofSeconds(5));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"ok\":true}");
  }

  @Test
  void failsACallThatHangsPastItsDeadlineAsATimeout() {
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                CallDeadline.send(
                    http,
                    get("/hang"),
                    HttpResponse.BodyHandlers.ofString(),
                    Duration.ofMillis(300)))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessageContaining("300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300))
        .isLessThan(Duration.ofSeconds(3));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void anInterruptFromElsewhereStaysAnInterrupt() throws Exception {
    Thread caller = Thread.currentThread();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                Thread.sleep(200);
              } catch (InterruptedException e) {
                return;
              }
              caller.interrupt();
            });

    assertThatThrownBy(
            () ->
                CallDeadline.send(
                    http,
                    get("/hang"),
                    HttpResponse.BodyHandlers.ofString(),
                    Duration.ofSeconds(30)))
        .isInstanceOf(InterruptedException.class);
  }

  @Test
  void throwsTheExchangesOwnFailureWhenNothingListens() throws Exception {
    int port = server.getAddress().getPort();
    server.stop(0);

    assertThatThrownBy(
            () ->
                CallDeadline.send(
                    http,
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/answer"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString(),
                    Duration.ofSeconds(5)))
        .isInstanceOf(ConnectException.class);
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path))
        .build();
  }
}
