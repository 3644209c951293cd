import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Load generator of the cluster benchmark: deploys a flow of near no-op steps, then (1) throughput: starts runs
 * through the API of the given instances in turn, {@code in flight} start requests at a time, and divides their number
 * by the time from the first run's start to the last run's end; (2) overhead: runs one at a time and reads each step's
 * times from the run history (one PostgreSQL clock for every instance).
 * Usage: java -cp "engine/target/quarkus-app/lib/main/*" bench/ClusterLoad.java <flow.bpmn> <runs> <in flight>
 *   <token or -> <base url>...
 * Prints: runs=<n> per_second=<r> run_p50_ms=.. run_p99_ms=.. step_p50_ms=.. step_p99_ms=.. handoff_p50_ms=..
 *   handoff_p99_ms=.. workers=<name>:<steps>,...
 * step: a step attempt's start (the job activated, recorded) to its end (the completion acknowledged by Zeebe);
 * handoff: one step's end to the next step's start (Zeebe completes the job, creates the next one, a worker takes it).
 */
public class ClusterLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static String token;

  public static void main(String[] args) throws Exception {
    String bpmn = Files.readString(Path.of(args[0]));
    int runs = Integer.parseInt(args[1]);
    int inFlight = Integer.parseInt(args[2]);
    token = args[3].equals("-") ? null : args[3];
    List<String> instances = List.of(args).subList(4, args.length);
    String flow = bpmn.replaceAll("(?s).*<bpmn:process id=\"([^\"]+)\".*", "$1");
    call("POST", instances.get(0) + "/api/flows", "application/xml", bpmn, 201);
    int done = 0;

    // Warm-up (not measured), then throughput: every run started as fast as the API takes them, with a backlog.
    startAll(instances, flow, 50, inFlight);
    awaitCompleted(instances.get(0), flow, done += 50);
    List<String> throughputRuns = startAll(instances, flow, runs, inFlight);
    awaitCompleted(instances.get(0), flow, done += runs);
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;
    for (String id : throughputRuns) {
      JsonNode run = call("GET", instances.get(0) + "/api/runs/" + id, null, null, 200).get("run");
      Instant started = Instant.parse(run.get("startedAt").asText());
      Instant ended = Instant.parse(run.get("endedAt").asText());
      first = started.isBefore(first) ? started : first;
      last = ended.isAfter(last) ? ended : last;
    }
    double perSecond = runs / (Duration.between(first, last).toMillis() / 1000.0);

    // Overhead: one run at a time on an otherwise idle system, so each time is the orchestration's, not a queue's.
    List<Long> runMillis = new ArrayList<>();
    List<Long> stepMillis = new ArrayList<>();
    List<Long> handoffMillis = new ArrayList<>();
    Map<String, Integer> stepsPerWorker = new TreeMap<>();
    int sequential = Math.max(50, runs / 5);
    for (int i = 0; i < sequential; i++) {
      String base = instances.get(i % instances.size());
      String id = call("POST", base + "/api/flows/" + flow + "/runs", "application/json", "{\"variables\":{}}", 201)
          .get("id").asText();
      JsonNode run = awaitEnd(base, id);
      runMillis.add(Duration.between(Instant.parse(run.at("/run/startedAt").asText()),
          Instant.parse(run.at("/run/endedAt").asText())).toMillis());
      Instant previousEnd = null;
      for (JsonNode attempt : run.get("steps")) {
        JsonNode step = attempt.get("step");
        Instant stepStart = Instant.parse(step.get("startedAt").asText());
        Instant stepEnd = Instant.parse(step.get("endedAt").asText());
        stepMillis.add(Duration.between(stepStart, stepEnd).toMillis());
        if (previousEnd != null) {
          handoffMillis.add(Duration.between(previousEnd, stepStart).toMillis());
        }
        previousEnd = stepEnd;
        stepsPerWorker.merge(step.path("worker").asText("?"), 1, Integer::sum);
      }
    }
    System.out.printf("runs=%d per_second=%.1f run_p50_ms=%d run_p99_ms=%d step_p50_ms=%d step_p99_ms=%d"
            + " handoff_p50_ms=%d handoff_p99_ms=%d workers=%s%n", runs, perSecond,
        pct(runMillis, 50), pct(runMillis, 99), pct(stepMillis, 50), pct(stepMillis, 99), pct(handoffMillis, 50),
        pct(handoffMillis, 99), stepsPerWorker.toString().replaceAll("[{} ]", "").replace('=', ':'));
  }

  /** Starts {@code count} runs through the instances in turn, {@code inFlight} start requests at a time. */
  private static List<String> startAll(List<String> instances, String flow, int count, int inFlight) throws Exception {
    List<String> ids = Collections.synchronizedList(new ArrayList<>());
    Semaphore slots = new Semaphore(inFlight);
    try (ExecutorService pool = Executors.newFixedThreadPool(inFlight)) {
      for (int i = 0; i < count; i++) {
        String base = instances.get(i % instances.size());
        slots.acquire();
        pool.submit(() -> {
          try {
            ids.add(call("POST", base + "/api/flows/" + flow + "/runs", "application/json", "{\"variables\":{}}", 201)
                .get("id").asText());
          } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
          } finally {
            slots.release();
          }
        });
      }
    }
    return ids;
  }

  private static void awaitCompleted(String base, String flow, int total) throws Exception {
    Instant giveUp = Instant.now().plusSeconds(300);
    while (Instant.now().isBefore(giveUp)) {
      if (call("GET", base + "/api/runs?flow=" + flow + "&status=completed&limit=1000", null, null, 200).size() >= total) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Fewer than " + total + " runs of " + flow + " completed within 300 s");
  }

  private static JsonNode awaitEnd(String base, String id) throws Exception {
    Instant giveUp = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(giveUp)) {
      JsonNode run = call("GET", base + "/api/runs/" + id, null, null, 200);
      String status = run.at("/run/status").asText();
      // A step's end is recorded after Zeebe took its completion, so the run may end first by a few milliseconds.
      boolean stepsEnded = true;
      for (JsonNode attempt : run.get("steps")) {
        stepsEnded &= !attempt.at("/step/endedAt").isNull();
      }
      if (status.equals("completed") && stepsEnded) {
        return run;
      }
      if (!status.equals("running") && !status.equals("completed")) {
        throw new IllegalStateException("Run " + id + " ended " + status);
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("Run " + id + " did not complete within 60 s");
  }

  private static JsonNode call(String method, String url, String type, String body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  private static long pct(List<Long> values, int percentile) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }
}
