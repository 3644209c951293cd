package io.millflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.OutboundGuard;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepFailure;
import io.millflow.step.testing.TestStepContext;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The error model: limits, server errors and the network are retried (honouring Retry-After),
 * rejected credentials need a person, other refusals are a BPMN error carrying the status and the
 * start of the body; redirects are followed through the guard.
 */
class HttpRequestErrorsTest {

  private final TestApi api = new TestApi();
  private final TestStepContext context =
      new TestStepContext()
          .withConnection(
              api.connection("api", Map.of("auth", "bearer"), Map.of("bearerToken", "tok-secret")));
  private final HttpRequestStep step =
      new HttpRequestStep(
          HttpRequestAuthTest.ANYWHERE, HttpRequestAuthTest.FAST, Clock.systemUTC());

  @AfterEach
  void stop() {
    api.close();
  }

  private HttpRequestStep.Output get(HttpRequestStep on, String url) {
    return on.run(Inputs.of("connection", "api", "url", url), context);
  }

  @Test
  void waitsAsLongAsRetryAfterSaysAfterA429() {
    AtomicInteger calls = new AtomicInteger();
    api.route(
        "/api/limited",
        (r, x) -> {
          if (calls.incrementAndGet() == 1) {
            x.getResponseHeaders().set("Retry-After", "1");
            TestApi.json(x, 429, "{\"error\":\"slow down\"}");
          } else {
            TestApi.json(x, 200, "{\"ok\":true}");
          }
        });

    HttpRequestStep.Output out = get(step, "limited");

    assertThat(out.status()).isEqualTo(200);
    long waited = api.requests().get(1).nanos() - api.requests().get(0).nanos();
    assertThat(Duration.ofNanos(waited)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void leavesALongerRetryAfterToTheEngine() {
    api.route(
        "/api/limited",
        (r, x) -> {
          x.getResponseHeaders().set("Retry-After", "120");
          TestApi.json(x, 429, "{}");
        });

    assertThatThrownBy(() -> get(step, "limited"))
        .isInstanceOfSatisfying(
            RetryableStepException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(api.requests()).hasSize(1);
  }

  @Test
  void retriesA500AndTakesTheNext200() {
    AtomicInteger calls = new AtomicInteger();
    api.route(
        "/api/flaky",
        (r, x) ->
            TestApi.json(
                x, calls.incrementAndGet() == 1 ? 500 : 200, "{\"n\":" + calls.get() + "}"));

    HttpRequestStep.Output out = get(step, "flaky");

    assertThat(out.status()).isEqualTo(200);
    assertThat(out.body().path("n").asInt()).isEqualTo(2);
  }

  @Test
  void aServerThatKeepsFailingIsRetryableForTheEngineOnceTheStepsTriesAreSpent() {
    api.route("/api/down", (r, x) -> TestApi.json(x, 503, "{}"));

    assertThatThrownBy(() -> get(step, "down"))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("503");
    assertThat(api.requests()).hasSize(HttpRequestAuthTest.FAST.attempts());
  }

  @Test
  void aRefusedConnectionIsRetryable() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    assertThatThrownBy(() -> get(step, "http://127.0.0.1:" + closed + "/x"))
        .isInstanceOf(RetryableStepException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void a401NeedsNewCredentialsForTheConnection() {
    api.route("/api/private", (r, x) -> TestApi.json(x, 401, "{\"error\":\"bad token\"}"));

    assertThatThrownBy(() -> get(step, "private"))
        .isInstanceOfSatisfying(
            ReauthRequiredException.class, e -> assertThat(e.connection()).isEqualTo("api"));
  }

  @Test
  void anotherClientErrorIsABpmnErrorWithTheStatusAndTheStartOfTheBodySecretsHidden() {
    api.route(
        "/api/orders",
        (r, x) ->
            TestApi.json(
                x,
                422,
                "{\"error\":\"qty must be positive\",\"echo\":\"tok-secret\","
                    + "\"pad\":\""
                    + "x".repeat(2000)
                    + "\"}"));

    assertThatThrownBy(() -> get(step, "orders"))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("HTTP_422");
              assertThat(e.getMessage())
                  .contains("qty must be positive", "GET /api/orders")
                  .doesNotContain("tok-secret")
                  .hasSizeLessThan(1000);
            });
  }

  @Test
  void followsARedirectThroughTheGuardWithoutCredentialsToAnotherOrigin() {
    try (TestApi other = new TestApi()) {
      other.route("/moved", (r, x) -> TestApi.json(x, 200, "{\"moved\":true}"));
      api.route(
          "/api/old",
          (r, x) -> {
            x.getResponseHeaders().set("Location", other.url() + "/moved");
            TestApi.send(x, 302, "");
          });

      HttpRequestStep.Output out = get(step, "old");

      assertThat(out.body().path("moved").asBoolean()).isTrue();
      assertThat(other.last().header("Authorization")).isNull();
    }
  }

  @Test
  void refusesARedirectToAnAddressTheGuardRefuses() {
    OutboundGuard onlyLocalhostByName =
        (field, target) ->
            target.getHost().equals("localhost")
                ? Optional.empty()
                : Optional.of("Field '" + field + "' points at " + target.getHost() + ".");
    api.route(
        "/api/old",
        (r, x) -> {
          x.getResponseHeaders().set("Location", "http://127.0.0.1:" + api.port() + "/api/secret");
          TestApi.send(x, 307, "");
        });
    TestStepContext byName =
        new TestStepContext()
            .withConnection(
                new io.millflow.step.Connection(
                    "api",
                    "http",
                    Map.of("baseUrl", "http://localhost:" + api.port() + "/api"),
                    Map.of()));
    HttpRequestStep guarded =
        new HttpRequestStep(onlyLocalhostByName, HttpRequestAuthTest.FAST, Clock.systemUTC());

    assertThatThrownBy(() -> guarded.run(Inputs.of("connection", "api", "url", "old"), byName))
        .isInstanceOfSatisfying(
            StepFailure.class,
            e -> {
              assertThat(e.code()).isEqualTo("OUTBOUND_ADDRESS_REFUSED");
              assertThat(e.getMessage()).contains("redirect 1", "127.0.0.1");
            });
    assertThat(api.requests()).extracting(r -> r.uri().getPath()).containsExactly("/api/old");
  }
}
