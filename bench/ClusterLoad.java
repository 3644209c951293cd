import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Load generator of the cluster benchmark: deploys a flow of near no-op steps, then (1) throughput: starts runs
 * through the API of the given instances in turn, {@code in flight} start requests at a time, and divides their number
 * by the time from the first run's start to the last run's end; (2) overhead: runs one at a time and reads each step's
 * times from the run history (one PostgreSQL clock for every instance). Whatever the engine (embedded Operaton, or a
 * Zeebe reached over gRPC), the times are the run history's.
 * Usage: java -cp "engine/target/quarkus-app/lib/main/*" bench/ClusterLoad.java <flow.bpmn> <runs> <in flight>
 *   <token or -> <base url>...
 * BENCH_WARMUP: the runs started, and awaited, before the throughput phase (default 50; with the runs, at most 950).
 * With BENCH_DB_URL, BENCH_DB_USER and BENCH_DB_PASSWORD in the environment (the database the instances keep their
 * state in), it also counts what the throughput phase cost PostgreSQL, per run: committed transactions (read-only
 * ones included), WAL flushes (fsyncs: commits that waited for the disk, several at once under group commit) and WAL
 * bytes. The statistics are read 11 s after each phase's end, once every backend has reported its own. With
 * BENCH_CPU ("runtime=<pid>,<pid> postgres=<postmaster pid> zeebe=<pid>"), it also gives the CPU time each group of
 * processes (with their child processes) and this load generator spent in the throughput phase, per run.
 * Prints: runs=<n> per_second=<r> run_p50_ms=.. run_p99_ms=.. step_p50_ms=.. step_p99_ms=.. handoff_p50_ms=..
 *   handoff_p99_ms=.. first_p50_ms=.. last_p50_ms=.. workers=<name>:<steps>,... [commits_per_run=..
 *   wal_fsyncs_per_run=.. wal_kb_per_run=..] [cpu_ms_per_run=<group>:<ms>,...,load:<ms>]
 * step: a step attempt's start (the task activated and locked, recorded) to its end (recorded once the engine took
 * the completion); handoff: one step's end to the next step's start (the engine completes the task, creates the next,
 * a worker takes it; negative when the next step started before the previous one's end was recorded); first: the
 * run's start (recorded after the API created the instance) to its first step's start; last: the last step's end to
 * the run's end.
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
    int warmUp = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "50"));
    startAll(instances, flow, warmUp, inFlight);
    awaitCompleted(instances.get(0), flow, done += warmUp);
    PgCounters before = PgCounters.read();
    Map<String, Long> cpuBefore = CpuTime.read();
    List<String> throughputRuns = startAll(instances, flow, runs, inFlight);
    awaitCompleted(instances.get(0), flow, done += runs);
    Map<String, Long> cpuAfter = CpuTime.read();
    PgCounters after = PgCounters.read();
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
    List<Double> runMillis = new ArrayList<>();
    List<Double> stepMillis = new ArrayList<>();
    List<Double> handoffMillis = new ArrayList<>();
    List<Double> firstMillis = new ArrayList<>();
    List<Double> lastMillis = new ArrayList<>();
    Map<String, Integer> stepsPerWorker = new TreeMap<>();
    int sequential = Math.max(50, runs / 5);
    for (int i = 0; i < sequential; i++) {
      String base = instances.get(i % instances.size());
      String id = call("POST", base + "/api/flows/" + flow + "/runs", "application/json", "{\"variables\":{}}", 201)
          .get("id").asText();
      JsonNode run = awaitEnd(base, id);
      Instant runStart = Instant.parse(run.at("/run/startedAt").asText());
      Instant runEnd = Instant.parse(run.at("/run/endedAt").asText());
      runMillis.add(millis(runStart, runEnd));
      Instant previousEnd = null;
      for (JsonNode attempt : run.get("steps")) {
        JsonNode step = attempt.get("step");
        Instant stepStart = Instant.parse(step.get("startedAt").asText());
        Instant stepEnd = Instant.parse(step.get("endedAt").asText());
        stepMillis.add(millis(stepStart, stepEnd));
        if (previousEnd == null) {
          firstMillis.add(millis(runStart, stepStart));
        } else {
          handoffMillis.add(millis(previousEnd, stepStart));
        }
        previousEnd = stepEnd;
        stepsPerWorker.merge(step.path("worker").asText("?"), 1, Integer::sum);
      }
      lastMillis.add(millis(previousEnd, runEnd));
    }
    System.out.printf("runs=%d per_second=%.1f run_p50_ms=%.1f run_p99_ms=%.1f step_p50_ms=%.1f step_p99_ms=%.1f"
            + " handoff_p50_ms=%.1f handoff_p99_ms=%.1f first_p50_ms=%.1f last_p50_ms=%.1f workers=%s%s%s%n", runs,
        perSecond, pct(runMillis, 50), pct(runMillis, 99), pct(stepMillis, 50), pct(stepMillis, 99),
        pct(handoffMillis, 50), pct(handoffMillis, 99), pct(firstMillis, 50), pct(lastMillis, 50),
        stepsPerWorker.toString().replaceAll("[{} ]", "").replace('=', ':'), PgCounters.perRun(before, after, runs),
        CpuTime.perRun(cpuBefore, cpuAfter, runs));
  }

  /** CPU time so far of the process groups named in BENCH_CPU (each root with its descendants) and of this one. */
  private static final class CpuTime {

    static Map<String, Long> read() {
      Map<String, Long> millis = new LinkedHashMap<>();
      String groups = System.getenv("BENCH_CPU");
      for (String group : groups == null ? new String[0] : groups.trim().split("\\s+")) {
        String[] nameAndPids = group.split("=", 2);
        long total = 0;
        for (String pid : nameAndPids[1].split(",")) {
          total += ProcessHandle.of(Long.parseLong(pid)).map(CpuTime::withDescendants).orElse(0L);
        }
        millis.put(nameAndPids[0], total);
      }
      millis.put("load", withDescendants(ProcessHandle.current()));
      return millis;
    }

    private static long withDescendants(ProcessHandle root) {
      return Stream.concat(Stream.of(root), root.descendants())
          .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toMillis).orElse(0L)).sum();
    }

    static String perRun(Map<String, Long> before, Map<String, Long> after, int runs) {
      StringBuilder out = new StringBuilder(" cpu_ms_per_run=");
      after.forEach((group, ms) -> out.append(group).append(':')
          .append(String.format("%.1f", (ms - before.getOrDefault(group, 0L)) / (double) runs)).append(','));
      return out.substring(0, out.length() - 1);
    }
  }

  /** What PostgreSQL has done so far, in the database the instances share; null without BENCH_DB_URL. */
  private record PgCounters(long commits, long walFsyncs, long walBytes) {

    private static final long REPORTED_WITHIN_MS = 11_000; // an idle backend reports its statistics within 10 s

    static PgCounters read() throws Exception {
      String url = System.getenv("BENCH_DB_URL");
      if (url == null) {
        return null;
      }
      Thread.sleep(REPORTED_WITHIN_MS);
      try (Connection db = DriverManager.getConnection(url, System.getenv("BENCH_DB_USER"),
          System.getenv("BENCH_DB_PASSWORD")); Statement query = db.createStatement()) {
        return new PgCounters(
            one(query, "select xact_commit from pg_stat_database where datname = current_database()"),
            one(query, "select coalesce(sum(fsyncs), 0) from pg_stat_io where object = 'wal'"),
            one(query, "select wal_bytes from pg_stat_wal"));
      }
    }

    private static long one(Statement query, String sql) {
      try (ResultSet row = query.executeQuery(sql)) {
        return row.next() ? row.getLong(1) : -1;
      } catch (SQLException e) {
        return -1; // not in this PostgreSQL version
      }
    }

    static String perRun(PgCounters before, PgCounters after, int runs) {
      if (before == null || after == null) {
        return "";
      }
      return String.format(" commits_per_run=%.1f wal_fsyncs_per_run=%.1f wal_kb_per_run=%.1f",
          (after.commits - before.commits) / (double) runs, (after.walFsyncs - before.walFsyncs) / (double) runs,
          (after.walBytes - before.walBytes) / 1024.0 / runs);
    }
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

  private static double millis(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  private static double pct(List<Double> values, int percentile) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }
}
