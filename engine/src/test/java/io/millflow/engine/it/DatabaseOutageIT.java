package io.millflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops for a few seconds under two instances: webhooks are answered 503 while it is
 * down (so the sender retries), steps that come meanwhile wait for it without spending their
 * retries, and everything accepted before or after is processed once.
 */
class DatabaseOutageIT {

  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");
  private static final int EVENTS = 40;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir static Path work;
  static Cluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    // A short wait for a connection, so an outage of seconds is felt by every job that comes during
    // it.
    cluster =
        Cluster.start(
            work,
            2,
            PlexSandboxConfig.defaults().withPurchaseOrders(10),
            Map.of("millflow.db.connection-timeout", "PT1S"));
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void stepsThatComeDuringAnOutageWaitForTheDatabaseWithoutSpendingTheirRetries() throws Exception {
    RuntimeProcess a = cluster.instance(0);
    RuntimeProcess b = cluster.instance(1);
    a.api(
        "POST",
        "/api/flows",
        "application/xml",
        ClusterFlows.waitThenStep("outage-wait", "PT4S"),
        201);
    List<String> runIds = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      runIds.add(
          (i % 2 == 0 ? a : b)
              .api(
                  "POST",
                  "/api/flows/outage-wait/runs",
                  "application/json",
                  "{\"variables\":{}}",
                  201)
              .get("id")
              .asText());
    }
    cluster.stopDatabase();
    // Down well past the timer: each step's job comes, finds no database, and comes again, many
    // times over its
    // 3 retries, on both instances.
    Thread.sleep(15_000);
    cluster.startDatabase();

    for (String runId : runIds) {
      JsonNode run =
          Await.until(
              "run " + runId + " completed after the outage",
              Duration.ofSeconds(60),
              () -> a.api("GET", "/api/runs/" + runId, null, null, 200),
              r -> !r.at("/run/status").asText().equals("running"),
              cluster::logs);
      assertThat(run.at("/run/status").asText()).as("%s", run).isEqualTo("completed");
      assertThat(run.get("steps").findValuesAsText("status"))
          .as("%s", run)
          .containsExactly("completed");
      assertThat(run.get("steps").findValuesAsText("attempt")).as("%s", run).containsExactly("1");
    }
    assertThat(a.log() + b.log()).contains("The state store is unreachable");
  }

  @Test
  void webhooksAreRefusedWith503DuringAnOutageAndEverythingAcceptedIsProcessedOnce()
      throws Exception {
    RuntimeProcess a = cluster.instance(0);
    a.api("POST", "/api/flows", "application/xml", ClusterFlows.quickSteps("outage-flow", 2), 201);
    JsonNode created =
        a.api(
            "POST",
            "/api/triggers",
            "application/json",
            """
        {"name":"outage","signature":{"type":"hmac","header":"X-Signature"},"eventId":"header:X-Event-Id",
         "routes":[{"flowId":"outage-flow"}]}""",
            201);
    String trigger = created.at("/trigger/id").asText();
    Sender sender = new Sender(cluster.instances(), trigger, created.get("secret").asText());
    CompletableFuture<Void> sending = CompletableFuture.runAsync(sender);

    Await.until(
        "10 events accepted before the outage",
        Duration.ofSeconds(30),
        sender.accepted::get,
        n -> n >= 10,
        cluster::logs);
    cluster.stopDatabase();
    Await.until(
        "a webhook answered 503 during the outage",
        Duration.ofSeconds(45),
        () -> sender.answers,
        answers -> answers.containsKey(503),
        cluster::logs);
    int acceptedBeforeRecovery = sender.accepted.get();
    Thread.sleep(3_000);
    cluster.startDatabase();
    Await.until(
        "all " + EVENTS + " events accepted",
        Duration.ofSeconds(90),
        sending::isDone,
        done -> done,
        cluster::logs);
    sending.join();

    System.out.println("Webhook answers during the test (status: count): " + sender.answers);
    assertThat(sender.answers.keySet()).as("answers: %s", sender.answers).containsOnly(200, 503);
    assertThat(sender.accepted.get()).isEqualTo(EVENTS).isGreaterThan(acceptedBeforeRecovery);
    JsonNode events =
        Await.until(
            "all events dispatched",
            Duration.ofSeconds(90),
            () -> a.api("GET", "/api/triggers/" + trigger + "/events", null, null, 200),
            list ->
                list.size() == EVENTS
                    && StreamSupport.stream(list.spliterator(), false)
                        .allMatch(e -> e.get("status").asText().equals("dispatched")),
            cluster::logs);
    Set<String> runs = new HashSet<>();
    for (JsonNode event : events) {
      JsonNode ids = event.get("runIds");
      assertThat(ids.isArray()).as("runIds of %s is an array", event).isTrue();
      assertThat(ids).as("runs of %s", event.get("eventId")).hasSize(1);
      runs.add(ids.get(0).asText());
    }
    assertThat(runs).hasSize(EVENTS);
    JsonNode completed =
        Await.until(
            "every run completed",
            Duration.ofSeconds(120),
            () -> a.api("GET", "/api/runs?flow=outage-flow&limit=1000", null, null, 200),
            list ->
                list.size() >= EVENTS
                    && StreamSupport.stream(list.spliterator(), false)
                        .allMatch(r -> r.get("status").asText().equals("completed")),
            cluster::logs);
    assertThat(completed).hasSize(EVENTS);
    for (String runId : runs) {
      JsonNode run = a.api("GET", "/api/runs/" + runId, null, null, 200);
      // An attempt the outage cut short is recorded as abandoned, and the job ran again.
      List<String> completedSteps = new java.util.ArrayList<>();
      for (JsonNode attempt : run.get("steps")) {
        String status = attempt.at("/step/status").asText();
        assertThat(status).as("steps of %s", run).isIn("completed", "abandoned");
        if (status.equals("completed")) {
          completedSteps.add(attempt.at("/step/elementId").asText());
        }
      }
      assertThat(completedSteps).as("steps of %s", run).containsExactly("Step1", "Step2");
    }
  }

  /**
   * Sends {@value #EVENTS} events in turn, alternating instances, and retries each until it is
   * accepted.
   */
  private static final class Sender implements Runnable {
    private final List<RuntimeProcess> instances;
    private final String trigger;
    private final String secret;
    final AtomicInteger accepted = new AtomicInteger();
    final Map<Integer, Integer> answers = new ConcurrentHashMap<>();

    Sender(List<RuntimeProcess> instances, String trigger, String secret) {
      this.instances = instances;
      this.trigger = trigger;
      this.secret = secret;
    }

    @Override
    public void run() {
      int attempt = 0;
      for (int i = 0; i < EVENTS; i++) {
        byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
        Instant giveUp = Instant.now().plusSeconds(120);
        while (true) {
          RuntimeProcess instance = instances.get(attempt++ % instances.size());
          int status = send(instance, "outage-" + i, body);
          answers.merge(status, 1, Integer::sum);
          if (status == 200) {
            accepted.incrementAndGet();
            break;
          }
          if (Instant.now().isAfter(giveUp)) {
            throw new IllegalStateException(
                "Event " + i + " was not accepted within 120 s; answers " + answers);
          }
          sleep(250);
        }
        sleep(100);
      }
    }

    /** The status, or -1 when no answer came within 15 s. */
    private int send(RuntimeProcess instance, String eventId, byte[] body) {
      try {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/webhooks/" + trigger))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header("X-Event-Id", eventId)
                .header("X-Signature", SignatureVerifier.sign(HMAC, secret, body, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (java.io.IOException e) {
        return -1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
