package io.millflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.step.Json;
import io.millflow.step.testing.MutableClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxServerTest {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A system whose errors are {@code {"status":..,"code":..,"message":..}}. */
  private static final ErrorShape ERRORS =
      (exchange, status, code, message, retryAfter) -> {
        ErrorShape.retryAfter(exchange, retryAfter);
        SandboxJson.write(
            exchange,
            status,
            Json.mapper()
                .createObjectNode()
                .put("status", status)
                .put("code", code == null ? "E" + status : code)
                .put("message", message));
      };

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
  private final Faults faults = new Faults(clock, 7);
  private SandboxServer server;

  @BeforeEach
  void start() {
    server =
        SandboxServer.start(0, faults, ERRORS)
            .api(
                "/things",
                exchange ->
                    SandboxJson.write(exchange, 200, Json.mapper().createArrayNode().add(1)))
            .api(
                "/broken",
                exchange -> {
                  throw new IllegalStateException("boom");
                });
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void playsPlannedFailuresInOrderThenAnswersNormally() throws Exception {
    faults.failNext(2, 503).rateLimitNext(1, Duration.ofMillis(1_500));

    assertThat(get("/things").statusCode()).isEqualTo(503);
    assertThat(get("/things").statusCode()).isEqualTo(503);
    HttpResponse<String> limited = get("/things");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("2");
    assertThat(get("/things").body()).isEqualTo("[1]");
    assertThat(server.apiCalls()).isEqualTo(4);
  }

  @Test
  void answersEveryCallWith503DuringAnOutageAndNormallyAfter() throws Exception {
    faults.outage(Duration.ofSeconds(60));

    HttpResponse<String> down = get("/things");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.headers().firstValue("Retry-After")).contains("60");
    clock.advance(Duration.ofSeconds(61));
    assertThat(get("/things").statusCode()).isEqualTo(200);
  }

  @Test
  void failsAboutTheGivenShareOfCallsAtRandom() throws Exception {
    faults.errorRate(0.25, 500);

    long failed =
        IntStream.range(0, 200).map(i -> status("/things")).filter(status -> status == 500).count();

    assertThat(failed).isBetween(30L, 70L);
  }

  @Test
  void setsShowsAndClearsFaultsOverHttp() throws Exception {
    assertThat(post("{\"status\":500,\"times\":3,\"code\":\"X\"}").statusCode()).isEqualTo(200);
    assertThat(post("{\"latencyMillis\":5}").statusCode()).isEqualTo(200);
    assertThat(post("{\"credentialsRevoked\":true}").statusCode()).isEqualTo(200);

    JsonNode state = Json.mapper().readTree(get(FaultsEndpoint.PATH).body());
    assertThat(state.at("/planned/0/times").asInt()).isEqualTo(3);
    assertThat(state.at("/planned/0/code").asText()).isEqualTo("X");
    assertThat(state.get("latencyMillis").asLong()).isEqualTo(5);
    assertThat(faults.credentialsRevoked()).isTrue();

    HttpResponse<String> cleared =
        send(HttpRequest.newBuilder(uri(FaultsEndpoint.PATH)).DELETE().build());
    assertThat(Json.mapper().readTree(cleared.body()).get("planned")).isEmpty();
    assertThat(faults.credentialsRevoked()).isFalse();
    assertThat(get("/things").statusCode()).isEqualTo(200);
  }

  @Test
  void rejectsAFaultItCannotPlayWithA400ThatSaysWhatToSend() throws Exception {
    HttpResponse<String> response = post("{\"status\":200}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("400..599");
    assertThat(post("{}").body()).contains("delayMillis", "outageSeconds");
  }

  @Test
  void answersAFailingHandlerWith500InTheSystemsShape() throws Exception {
    HttpResponse<String> response = get("/broken");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Json.mapper().readTree(response.body()).get("message").asText()).contains("boom");
  }

  @Test
  void rateLimitsEachKeyOnItsOwn() {
    RateLimits limits = new RateLimits(2);

    assertThat(limits.acquire("a")).isEmpty();
    assertThat(limits.acquire("a")).isEmpty();
    assertThat(limits.acquire("a")).hasValueSatisfying(wait -> assertThat(wait).isPositive());
    assertThat(limits.acquire("b")).isEmpty();
    assertThat(new RateLimits(0).acquire("a")).isEmpty();
  }

  private int status(String path) {
    try {
      return get(path).statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private HttpResponse<String> post(String json) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(FaultsEndpoint.PATH))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }
}
