package io.millflow.connector.idhammar.sandbox;

import static io.millflow.connector.idhammar.sandbox.IdhammarSandboxApiTest.ANCHOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.millflow.connector.idhammar.sandbox.IdhammarSandboxConfig.WebhookConfig;
import io.millflow.step.Json;
import io.millflow.step.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Downtime events pushed to a local receiver, signed as Millflow's "timestamped" webhook triggers
 * verify.
 */
class WebhookPushTest {

  private static final String SECRET = "whsec_9a8b7c6d5e4f";

  private record Received(String eventId, String signature, byte[] body) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final AtomicInteger failuresToAnswer = new AtomicInteger();
  private final MutableClock clock = new MutableClock(ANCHOR);
  private HttpServer receiver;
  private IdhammarSandbox sandbox;

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/hooks/idhammar",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("X-Idhammar-Event-Id"),
                  exchange.getRequestHeaders().getFirst("X-Idhammar-Signature"),
                  body));
          exchange.sendResponseHeaders(failuresToAnswer.getAndDecrement() > 0 ? 503 : 200, -1);
          exchange.close();
        });
    receiver.start();
    URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/idhammar");
    // an hour between looks: the test pushes due events itself, so nothing arrives unasked
    WebhookConfig webhook =
        new WebhookConfig(url, SECRET, Duration.ofHours(1), 3, Duration.ofMillis(50));
    sandbox =
        new IdhammarSandbox(IdhammarSandboxApiTest.config(clock, 500).withWebhook(webhook))
            .start(0);
  }

  @AfterEach
  void stop() {
    sandbox.close();
    receiver.stop(0);
  }

  @Test
  void pushesAnEventCreatedByHandSignedWithTheTimestampedScheme() throws Exception {
    SandboxHttp.Answer created =
        SandboxHttp.post(
            sandbox,
            "/_sandbox/downtime",
            "{\"machineId\":\"M-1101\",\"reasonCode\":\"ME01\",\"planned\":false}");

    Received push = next();
    JsonNode payload = Json.mapper().readTree(push.body());
    assertThat(created.status()).isEqualTo(201);
    assertThat(push.eventId())
        .isEqualTo("DTX-000001.started")
        .isEqualTo(payload.get("eventId").asText());
    assertThat(payload.get("type").asText()).isEqualTo("downtime.started");
    assertThat(payload.get("occurredAt").asText()).isEqualTo(ANCHOR.toString());
    assertThat(payload.at("/data/machineId").asText()).isEqualTo("M-1101");
    assertThat(payload.at("/data/reasonCode").asText()).isEqualTo("ME01");
    assertThat(payload.at("/data/endTime").isNull()).isTrue();
    assertSignedWithTheSecret(push);
  }

  @Test
  void retriesARefusedDeliveryWithBackoffUntilItIsAccepted() throws Exception {
    failuresToAnswer.set(2);

    SandboxHttp.post(sandbox, "/_sandbox/downtime", "{\"machineId\":\"M-2201\",\"planned\":true}");

    List<String> attempts = List.of(next().eventId(), next().eventId(), next().eventId());
    assertThat(attempts).containsOnly("DTX-000001.started");
    waitUntil(() -> sandbox.webhookDeliveries() == 1);
    assertThat(sandbox.webhookFailedAttempts()).isEqualTo(2);
  }

  @Test
  void pushesEventsThatStartAndEndAsTheClockMovesInTheOrderTheyHappened() throws Exception {
    SandboxHttp.post(
        sandbox, "/_sandbox/downtime", "{\"machineId\":\"M-1101\",\"durationSeconds\":60}");
    next();

    clock.advance(Duration.ofMinutes(10));
    sandbox.pushDueEvents();

    List<JsonNode> pushes = new ArrayList<>();
    for (Received push = next(); push != null; push = received.poll(2, TimeUnit.SECONDS)) {
      assertSignedWithTheSecret(push);
      pushes.add(Json.mapper().readTree(push.body()));
    }
    List<String> ids = pushes.stream().map(push -> push.get("eventId").asText()).toList();
    assertThat(ids)
        .contains("DT-000000500.started", "DT-000000504.started", "DTX-000001.ended")
        .doesNotContain("DT-000000505.started", "DTX-000001.started");
    assertThat(pushes.stream().map(push -> push.get("occurredAt").asText()).toList()).isSorted();
    assertThat(pushes)
        .filteredOn(push -> push.get("type").asText().equals("downtime.ended"))
        .isNotEmpty()
        .allSatisfy(
            push ->
                assertThat(push.at("/data/endTime").asText())
                    .isEqualTo(push.get("occurredAt").asText()));
  }

  @Test
  void pushesToAWebhookPointedAtOverHttpAfterTheStartAndNeverShowsItsSecret() throws Exception {
    try (IdhammarSandbox later =
        new IdhammarSandbox(IdhammarSandboxApiTest.config(new MutableClock(ANCHOR), 100))
            .start(0)) {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/idhammar";
      SandboxHttp.Answer pointed =
          SandboxHttp.post(
              later,
              "/_sandbox/webhook",
              "{\"url\":\"" + url + "\",\"secret\":\"" + SECRET + "\",\"intervalMillis\":3600000}");

      SandboxHttp.post(later, "/_sandbox/downtime", "{\"machineId\":\"M-2203\"}");

      Received push = next();
      assertSignedWithTheSecret(push);
      assertThat(push.eventId()).isEqualTo("DTX-000001.started");
      assertThat(pointed.body().get("url").asText()).isEqualTo(url);
      assertThat(pointed.response().body()).doesNotContain(SECRET);
      assertThat(later.webhookTarget().url()).hasToString(url);
    }
  }

  /** Checks {@code t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">} with a computation of its own. */
  private static void assertSignedWithTheSecret(Received push) throws Exception {
    String[] parts = push.signature().split(",");
    assertThat(parts).hasSize(2);
    long t = Long.parseLong(parts[0].substring("t=".length()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
    assertThat(parts[1]).isEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal(push.body())));
    assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(60);
  }

  private Received next() throws InterruptedException {
    Received push = received.poll(5, TimeUnit.SECONDS);
    assertThat(push).as("a push within 5 s").isNotNull();
    return push;
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).isTrue();
  }
}
