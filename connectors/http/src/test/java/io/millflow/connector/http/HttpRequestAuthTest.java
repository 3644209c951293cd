package io.millflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.step.OutboundGuard;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.testing.TestStepContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each sign-in of an http connection, as the API sees it, and where credentials are never sent. */
class HttpRequestAuthTest {

  static final OutboundGuard ANYWHERE = (field, target) -> Optional.empty();
  static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(5));

  private final TestApi api =
      new TestApi().route("/api/orders", (r, x) -> TestApi.json(x, 200, "{\"ok\":true}"));
  private final HttpRequestStep step = new HttpRequestStep(ANYWHERE, FAST, Clock.systemUTC());

  @AfterEach
  void stop() {
    api.close();
  }

  private TestApi.Seen call(Map<String, String> settings, Map<String, String> credentials) {
    TestStepContext context =
        new TestStepContext().withConnection(api.connection("api", settings, credentials));
    HttpRequestStep.Output out = step.run(Inputs.of("connection", "api", "url", "orders"), context);
    assertThat(out.status()).isEqualTo(200);
    assertThat(out.body().path("ok").asBoolean()).isTrue();
    return api.last();
  }

  @Test
  void noAuthenticationSendsNoCredentials() {
    TestApi.Seen seen = call(Map.of(), Map.of());

    assertThat(seen.header("Authorization")).isNull();
    assertThat(seen.uri().getPath()).isEqualTo("/api/orders");
    assertThat(seen.header("X-Request-Id")).isNotBlank();
  }

  @Test
  void sendsTheApiKeyInTheNamedHeader() {
    TestApi.Seen seen =
        call(
            Map.of("auth", "apiKeyHeader", "apiKeyName", "X-Plant-Key"), Map.of("apiKey", "k-123"));

    assertThat(seen.header("X-Plant-Key")).isEqualTo("k-123");
  }

  @Test
  void keepsTheApiKeyHeaderFromARedirectToAnotherOrigin() {
    try (TestApi other = new TestApi()) {
      other.route("/moved", (r, x) -> TestApi.json(x, 200, "{\"ok\":true}"));
      api.route(
          "/api/old",
          (r, x) -> {
            x.getResponseHeaders().set("Location", other.url() + "/moved");
            TestApi.send(x, 302, "");
          });
      TestStepContext context =
          new TestStepContext()
              .withConnection(
                  api.connection(
                      "api",
                      Map.of("auth", "apiKeyHeader", "apiKeyName", "X-Plant-Key"),
                      Map.of("apiKey", "k-123")));

      HttpRequestStep.Output out = step.run(Inputs.of("connection", "api", "url", "old"), context);

      assertThat(out.body().path("ok").asBoolean()).isTrue();
      assertThat(api.last().header("X-Plant-Key")).isEqualTo("k-123");
      assertThat(other.last().header("X-Plant-Key")).isNull();
    }
  }

  @Test
  void sendsTheApiKeyInTheNamedQueryParameter() {
    TestApi.Seen seen =
        call(Map.of("auth", "apiKeyQuery", "apiKeyName", "key"), Map.of("apiKey", "k-456"));

    assertThat(seen.query("key")).isEqualTo("k-456");
  }

  @Test
  void sendsBasicCredentials() {
    TestApi.Seen seen = call(Map.of("auth", "basic"), Map.of("username", "mes", "password", "p:w"));

    assertThat(seen.header("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("mes:p:w".getBytes()));
  }

  @Test
  void sendsTheBearerToken() {
    TestApi.Seen seen = call(Map.of("auth", "bearer"), Map.of("bearerToken", "t-789"));

    assertThat(seen.header("Authorization")).isEqualTo("Bearer t-789");
  }

  @Test
  void fetchesAnOAuth2TokenOnceWithClientCredentialsAndReusesIt() {
    AtomicInteger issued = new AtomicInteger();
    api.route(
        "/oauth/token",
        (r, x) ->
            TestApi.json(
                x,
                200,
                "{\"access_token\":\"tok-" + issued.incrementAndGet() + "\",\"expires_in\":3600}"));
    Map<String, String> settings =
        Map.of("auth", "oauth2", "tokenUrl", api.url() + "/oauth/token", "scope", "orders:read");
    Map<String, String> credentials = Map.of("clientId", "mill", "clientSecret", "s3cret");

    TestApi.Seen first = call(settings, credentials);
    TestApi.Seen second = call(settings, credentials);

    assertThat(first.header("Authorization")).isEqualTo("Bearer tok-1");
    assertThat(second.header("Authorization")).isEqualTo("Bearer tok-1");
    TestApi.Seen token = api.requests().getFirst();
    assertThat(token.uri().getPath()).isEqualTo("/oauth/token");
    assertThat(token.body()).contains("grant_type=client_credentials", "scope=orders%3Aread");
    assertThat(token.header("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("mill:s3cret".getBytes()));
    assertThat(issued).hasValue(1);
  }

  @Test
  void renewsAnOAuth2TokenOnceWhenTheApiRejectsIt() {
    AtomicInteger issued = new AtomicInteger();
    api.route(
            "/oauth/token",
            (r, x) ->
                TestApi.json(x, 200, "{\"access_token\":\"tok-" + issued.incrementAndGet() + "\"}"))
        .route(
            "/api/strict",
            (r, x) -> {
              if ("Bearer tok-2".equals(r.header("Authorization"))) {
                TestApi.json(x, 200, "{\"ok\":true}");
              } else {
                TestApi.json(x, 401, "{\"error\":\"token revoked\"}");
              }
            });
    TestStepContext context =
        new TestStepContext()
            .withConnection(
                api.connection(
                    "api",
                    Map.of("auth", "oauth2", "tokenUrl", api.url() + "/oauth/token"),
                    Map.of("clientId", "mill", "clientSecret", "s3cret")));

    HttpRequestStep.Output out =
        step.run(Inputs.of("connection", "api", "url", "/strict"), context);

    assertThat(out.status()).isEqualTo(200);
    assertThat(issued).hasValue(2);
  }

  @Test
  void aRefusedTokenRequestNeedsNewCredentials() {
    api.route("/oauth/token", (r, x) -> TestApi.json(x, 401, "{\"error\":\"invalid_client\"}"));
    TestStepContext context =
        new TestStepContext()
            .withConnection(
                api.connection(
                    "api",
                    Map.of("auth", "oauth2", "tokenUrl", api.url() + "/oauth/token"),
                    Map.of("clientId", "mill", "clientSecret", "wrong-secret")));

    assertThatThrownBy(() -> step.run(Inputs.of("connection", "api", "url", "orders"), context))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("client credentials")
        .hasMessageNotContaining("wrong-secret");
  }

  @Test
  void aMissingCredentialOfTheChosenSignInNeedsNewCredentials() {
    TestStepContext context =
        new TestStepContext()
            .withConnection(api.connection("api", Map.of("auth", "bearer"), Map.of()));

    assertThatThrownBy(() -> step.run(Inputs.of("connection", "api", "url", "orders"), context))
        .isInstanceOf(ReauthRequiredException.class)
        .hasMessageContaining("bearerToken");
  }

  @Test
  void sendsNoCredentialsToAnotherOrigin() {
    try (TestApi other = new TestApi()) {
      other.route("/elsewhere", (r, x) -> TestApi.json(x, 200, "{\"ok\":true}"));
      TestStepContext context =
          new TestStepContext()
              .withConnection(
                  api.connection(
                      "api",
                      Map.of("auth", "apiKeyHeader", "apiKeyName", "X-Key"),
                      Map.of("apiKey", "k-secret")));

      step.run(Inputs.of("connection", "api", "url", other.url() + "/elsewhere"), context);

      assertThat(other.last().header("X-Key")).isNull();
    }
  }
}
