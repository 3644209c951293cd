package io.millflow.connector.plex.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.connector.plex.protocol.PlexGuesses;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's rate limit per key, and the kit's faults as Plex answers them, set in code or over
 * {@code /_sandbox/faults}.
 */
class SandboxLimitsAndFaultsTest {

  private static final String TENANTS = "/mdm/v1/tenants";
  private static final String ORDERS = "/purchasing/v1/purchase-orders";

  @Test
  void answers429WithRetryAfterOnceAKeyIsOverItsLimit() {
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withRateLimitPerMinute(3)).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      for (int i = 0; i < 3; i++) {
        assertThat(http.get(TENANTS).statusCode()).isEqualTo(200);
      }

      HttpResponse<String> limited = http.get(TENANTS);

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After"))
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20));
      assertThat(SandboxHttp.json(limited).get("code").asText())
          .isEqualTo(PlexGuesses.RATE_LIMITED_CODE);
    }
  }

  @Test
  void countsTheLimitPerKeySoAWrongKeyStillGets401() {
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withRateLimitPerMinute(1)).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      http.get(TENANTS);

      assertThat(http.get(TENANTS, "other-key").statusCode()).isEqualTo(401);
      assertThat(http.get(TENANTS).statusCode()).isEqualTo(429);
    }
  }

  @Test
  void failsTheNextCallsAsPlannedInCodeThenRecovers() {
    try (PlexSandbox sandbox = new PlexSandbox(PlexSandboxConfig.defaults()).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      sandbox.faults().failNext(2, 503).rateLimitNext(1, Duration.ofSeconds(7));

      assertThat(http.get(TENANTS).statusCode()).isEqualTo(503);
      assertThat(SandboxHttp.json(http.get(TENANTS)).get("code").asText())
          .isEqualTo("SERVICE_UNAVAILABLE");
      HttpResponse<String> limited = http.get(TENANTS);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
      assertThat(http.get(TENANTS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void plansFaultsOverTheAdminEndpoint() {
    try (PlexSandbox sandbox = new PlexSandbox(PlexSandboxConfig.defaults()).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);

      URI faults = URI.create(sandbox.baseUrl() + "/_sandbox/faults");
      HttpResponse<String> planned =
          http.send(
              HttpRequest.newBuilder(faults)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"status\":429,\"times\":2,\"retryAfterSeconds\":30}"))
                  .build());

      assertThat(planned.statusCode()).isEqualTo(200);
      assertThat(SandboxHttp.json(planned).at("/planned/0/times").asInt()).isEqualTo(2);
      assertThat(http.get(TENANTS).headers().firstValue("Retry-After")).hasValue("30");
      assertThat(
              SandboxHttp.json(http.get("/_sandbox/faults", null)).at("/planned/0/times").asInt())
          .isEqualTo(1);
      http.send(HttpRequest.newBuilder(faults).DELETE().build());
      assertThat(http.get(TENANTS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void refusesAFaultWithoutStatusOrDelay() {
    try (PlexSandbox sandbox = new PlexSandbox(PlexSandboxConfig.defaults()).start(0)) {
      HttpResponse<String> refused =
          new SandboxHttp(sandbox)
              .send(
                  HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/faults"))
                      .POST(HttpRequest.BodyPublishers.ofString("{}"))
                      .build());

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(sandbox.faults().pending()).isEmpty();
    }
  }

  @Test
  void failsAboutTheGivenShareOfCallsInPlexsErrorShape() {
    try (PlexSandbox sandbox =
        new PlexSandbox(PlexSandboxConfig.defaults().withoutRateLimit()).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      sandbox.faults().errorRate(0.3, 503);

      List<HttpResponse<String>> answers =
          IntStream.range(0, 100).mapToObj(i -> http.get(TENANTS)).toList();

      List<HttpResponse<String>> failed =
          answers.stream().filter(answer -> answer.statusCode() == 503).toList();
      assertThat(failed).hasSizeBetween(15, 45);
      assertThat(failed)
          .allSatisfy(
              answer ->
                  assertThat(SandboxHttp.json(answer).get("code").asText())
                      .isEqualTo("SERVICE_UNAVAILABLE"));
      assertThat(answers)
          .allMatch(answer -> answer.statusCode() == 503 || answer.statusCode() == 200);
    }
  }

  @Test
  void answersEveryCallWith503AndRetryAfterDuringAnOutage() {
    try (PlexSandbox sandbox = new PlexSandbox(PlexSandboxConfig.defaults()).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      sandbox.faults().outage(Duration.ofSeconds(120));

      HttpResponse<String> down = http.get(ORDERS);

      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.headers().firstValue("Retry-After"))
          .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(110, 120));
      assertThat(http.get(TENANTS, "wrong-key").statusCode()).isEqualTo(503);
      sandbox.faults().clear();
      assertThat(http.get(ORDERS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void answersRevokedCredentialsWithPlexsExact401UntilRestored() {
    try (PlexSandbox sandbox = new PlexSandbox(PlexSandboxConfig.defaults()).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      sandbox.faults().revokeCredentials(true);

      HttpResponse<String> refused = http.get(TENANTS);

      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(refused.body())
          .isEqualTo(
              "{\"code\":\"REQUEST_NOT_AUTHENTICATED\",\"message\":\"The request could not be authenticated.\"}");
      sandbox.faults().revokeCredentials(false);
      assertThat(http.get(TENANTS).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void addsTheConfiguredLatencyToEveryCall() {
    try (PlexSandbox sandbox = new PlexSandbox(PlexSandboxConfig.defaults()).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      sandbox.faults().latency(Duration.ofMillis(300));

      long started = System.nanoTime();
      assertThat(http.get(TENANTS).statusCode()).isEqualTo(200);

      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void rejectsAKeyWithoutAccessToTheNamedTenant() {
    PlexSandboxConfig config =
        PlexSandboxConfig.defaults().withTenantId("11111111-1111-4111-8111-111111111111");
    try (PlexSandbox sandbox = new PlexSandbox(config).start(0)) {
      SandboxHttp http = new SandboxHttp(sandbox);
      HttpRequest otherTenant =
          HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + TENANTS))
              .header("X-Plex-Connect-Api-Key", config.apiKey())
              .header("X-Plex-Connect-Tenant-Id", "22222222-2222-4222-8222-222222222222")
              .build();

      assertThat(http.send(otherTenant).statusCode()).isEqualTo(401);
      assertThat(http.get(TENANTS).statusCode()).isEqualTo(200);
    }
  }
}
