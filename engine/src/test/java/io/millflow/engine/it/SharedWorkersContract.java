package io.millflow.engine.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.millflow.connector.plex.sandbox.PlexSandboxConfig;
import io.millflow.engine.trigger.SignatureScheme;
import io.millflow.engine.trigger.SignatureVerifier;
import io.millflow.engine.trigger.WebhookFlows;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two (then three) Millflow instances on one engine and one PostgreSQL behave as one Millflow: work
 * spreads over them, and whatever comes in through any (an API call, a webhook, a timer) happens
 * exactly once, with its run history complete. The spread is measured first, over the two instances
 * warmed up together; the timer test adds a third, freshly started instance, which would take a
 * smaller and timing-dependent share of any later work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class SharedWorkersContract {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final SignatureScheme HMAC =
      new SignatureScheme.Hmac("X-Signature", "sha256", "hex", "");

  @TempDir static Path work;
  static Cluster cluster;

  static void startCluster(Cluster.Engine engine) throws Exception {
    cluster =
        Cluster.start(
            engine, work, 2, PlexSandboxConfig.defaults().withPurchaseOrders(10), Map.of());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void runsStartedOnAnyInstanceCompleteWithEveryStepRecordedAndTheStepsSpreadOverEveryInstance()
      throws Exception {
    RuntimeProcess a = cluster.instance(0);
    RuntimeProcess b = cluster.instance(1);
    a.api(
        "POST", "/api/flows", "application/xml", ClusterFlows.quickSteps("cluster-steps", 3), 201);
    List<String> runIds = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      RuntimeProcess entry = i % 2 == 0 ? a : b;
      runIds.add(
          entry
              .api(
                  "POST",
                  "/api/flows/cluster-steps/runs",
                  "application/json",
                  "{\"variables\":{}}",
                  201)
              .get("id")
              .asText());
    }

    Map<String, Integer> stepsPerWorker = new TreeMap<>();
    for (int i = 0; i < runIds.size(); i++) {
      RuntimeProcess reader =
          i % 2 == 0 ? b : a; // each run read through the instance that did not start it
      String runId = runIds.get(i);
      JsonNode run =
          Await.until(
              "run " + runId + " completed",
              WAIT,
              () -> reader.api("GET", "/api/runs/" + runId, null, null, 200),
              r -> r.at("/run/status").asText().equals("completed"),
              cluster::logs);
      assertThat(run.at("/run/endedAt").isNull()).as("end time of %s", run).isFalse();
      JsonNode steps = run.get("steps");
      assertThat(steps).as("steps of run %s", runId).hasSize(3);
      for (JsonNode attempt : steps) {
        JsonNode step = attempt.get("step");
        assertThat(step.get("status").asText()).isEqualTo("completed");
        assertThat(step.get("attempt").asInt()).isEqualTo(1);
        assertThat(step.get("endedAt").isNull()).isFalse();
        stepsPerWorker.merge(step.get("worker").asText(), 1, Integer::sum);
      }
      assertThat(steps.findValuesAsText("elementId")).containsExactly("Step1", "Step2", "Step3");
    }

    assertThat(stepsPerWorker.keySet())
        .as("steps per instance: %s", stepsPerWorker)
        .containsExactlyInAnyOrderElementsOf(
            cluster.instances().stream().map(RuntimeProcess::name).toList());
    assertThat(stepsPerWorker.values())
        .as("steps per instance: %s", stepsPerWorker)
        .allMatch(n -> n >= 5);
    JsonNode listed = a.api("GET", "/api/runs?flow=cluster-steps", null, null, 200);
    assertThat(listed).hasSize(30);
  }

  @Test
  @Order(2)
  void aWebhookAcceptedByAnyInstanceStartsItsFlowExactlyOnce() throws Exception {
    RuntimeProcess a = cluster.instance(0);
    RuntimeProcess b = cluster.instance(1);
    a.api("POST", "/api/flows", "application/xml", WebhookFlows.empty("cluster-hook"), 201);
    JsonNode created =
        a.api(
            "POST",
            "/api/triggers",
            "application/json",
            """
        {"name":"cluster","signature":{"type":"hmac","header":"X-Signature"},"eventId":"header:X-Event-Id",
         "routes":[{"flowId":"cluster-hook"}]}""",
            201);
    String trigger = created.at("/trigger/id").asText();
    String secret = created.get("secret").asText();

    // Every event goes to both instances, as a sender retrying against a load balancer would send
    // it.
    int events = 12;
    int duplicates = 0;
    for (int i = 0; i < events; i++) {
      for (RuntimeProcess instance : i % 2 == 0 ? List.of(a, b) : List.of(b, a)) {
        HttpResponse<String> answer =
            webhook(instance, trigger, secret, "evt-" + i, "{\"n\":" + i + "}");
        assertThat(answer.statusCode()).as("%s: %s", instance.name(), answer.body()).isEqualTo(200);
        duplicates += answer.body().contains("\"duplicate\":true") ? 1 : 0;
      }
    }
    assertThat(duplicates).as("second deliveries answered as duplicates").isEqualTo(events);

    JsonNode handled =
        Await.until(
            "all " + events + " events dispatched",
            WAIT,
            () -> b.api("GET", "/api/triggers/" + trigger + "/events", null, null, 200),
            list ->
                list.size() == events
                    && StreamSupport.stream(list.spliterator(), false)
                        .allMatch(e -> e.get("status").asText().equals("dispatched")),
            cluster::logs);
    Set<String> startedRuns = new HashSet<>();
    for (JsonNode event : handled) {
      List<String> runs = runIds(event.get("runIds"));
      assertThat(runs).as("runs of event %s", event.get("eventId")).hasSize(1);
      startedRuns.addAll(runs);
    }
    assertThat(startedRuns).hasSize(events);
    JsonNode runs =
        Await.until(
            events + " runs of cluster-hook completed",
            WAIT,
            () -> a.api("GET", "/api/runs?flow=cluster-hook&status=completed", null, null, 200),
            list -> list.size() >= events,
            cluster::logs);
    assertThat(runs).hasSize(events);
  }

  @Test
  @Order(3)
  void aTimerStartEventFiresOncePerTickThoughEveryInstanceDeploysItsFlow() throws Exception {
    RuntimeProcess a = cluster.instance(0);
    RuntimeProcess b = cluster.instance(1);
    String bpmn = ClusterFlows.timerStarted("cluster-timer", "R4/PT3S");
    JsonNode first = a.api("POST", "/api/flows", "application/xml", bpmn, 201);
    JsonNode second = b.api("POST", "/api/flows", "application/xml", bpmn, 201);
    assertThat(second.get("version")).isEqualTo(first.get("version"));
    // A third instance joins meanwhile and, as every instance does at start, deploys the flows
    // stored through the API.
    RuntimeProcess c = cluster.startInstance("instance-3", Map.of());

    Await.until(
        "4 timer-started runs completed",
        WAIT,
        () -> c.api("GET", "/api/runs?flow=cluster-timer&status=completed", null, null, 200),
        list -> list.size() >= 4,
        cluster::logs);
    Thread.sleep(7_000); // two more cycle periods: a second timer would have fired by now
    JsonNode runs = b.api("GET", "/api/runs?flow=cluster-timer", null, null, 200);
    assertThat(runs).as("runs of the timer flow: %s", runs).hasSize(4);
    assertThat(runs.findValuesAsText("startedBy")).containsOnly("engine");
    assertThat(new HashSet<>(runs.findValuesAsText("processInstanceKey"))).hasSize(4);
    assertThat(c.api("GET", "/api/flows", null, null, 200).toString()).contains("cluster-timer");
  }

  private static HttpResponse<String> webhook(
      RuntimeProcess instance, String trigger, String secret, String eventId, String json)
      throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(instance.baseUrl() + "/webhooks/" + trigger))
            .header("Content-Type", "application/json")
            .header("X-Event-Id", eventId)
            .header("X-Signature", SignatureVerifier.sign(HMAC, secret, body, Instant.now()))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** An event's {@code runIds}: a JSON array. */
  private static List<String> runIds(JsonNode node) {
    assertThat(node.isArray()).as("runIds %s is an array", node).isTrue();
    List<String> ids = new ArrayList<>();
    node.forEach(id -> ids.add(id.asText()));
    return ids;
  }
}
