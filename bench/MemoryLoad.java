import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator of the memory benchmark: deploys the no-op flow, runs a warm-up, then N runs in four equal parts
 * (started through the API, {@code in flight} start requests at a time), and after each part, once every run started
 * has ended, samples the runtime's live heap: a full GC ({@code jcmd <pid> GC.run}, twice) and the heap's used bytes
 * ({@code GC.heap_info}), with the database's size. A class histogram at the first and last sample names what grew.
 * Usage: java -cp "engine/target/quarkus-app/lib/main/*" bench/MemoryLoad.java <flow.bpmn> <runs> <in flight> <token>
 *   <base url> <runtime pid>   (BENCH_DB_URL, BENCH_DB_USER, BENCH_DB_PASSWORD: the runtime's database)
 * Prints one line per sample: runs=<n> live_heap_kb=<kb> db_kb=<kb> at=<time>, then the growth per run between the
 * first and the last sample and the classes that grew most.
 */
public class MemoryLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Pattern USED = Pattern.compile("heap\\s+total (?:reserved \\d+K, committed \\d+K|\\d+K), used (\\d+)K");
  private static final Pattern HISTOGRAM_ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
  private static final int WARM_UP = 1_000;
  private static final int PARTS = 4;

  public static void main(String[] args) throws Exception {
    String bpmn = Files.readString(Path.of(args[0]));
    int runs = Integer.parseInt(args[1]);
    int inFlight = Integer.parseInt(args[2]);
    String token = args[3];
    String base = args[4];
    long pid = Long.parseLong(args[5]);
    String flow = bpmn.replaceAll("(?s).*<bpmn:process id=\"([^\"]+)\".*", "$1");
    call(token, "POST", base + "/api/flows", "application/xml", bpmn, 201);

    start(token, base, flow, WARM_UP, inFlight);
    awaitEnded(flow, WARM_UP);
    long[] live = new long[PARTS + 1];
    live[0] = sample(pid, 0, flow);
    Map<String, long[]> first = histogram(pid);
    for (int part = 1; part <= PARTS; part++) {
      start(token, base, flow, runs / PARTS, inFlight);
      awaitEnded(flow, WARM_UP + part * (runs / PARTS));
      live[part] = sample(pid, part * (runs / PARTS), flow);
    }
    Map<String, long[]> last = histogram(pid);
    System.out.printf("retained_bytes_per_run=%.1f (live heap %d KB after the warm-up, %d KB after %d runs)%n",
        (live[PARTS] - live[0]) * 1024.0 / runs, live[0], live[PARTS], runs);
    System.out.println("classes that grew most (bytes, instances), first sample to last:");
    last.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[1] - first.getOrDefault(e.getKey(), new long[2])[1],
            e.getValue()[0] - first.getOrDefault(e.getKey(), new long[2])[0]}))
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(8)
        .forEach(e -> System.out.printf("  %+,d B %+,d %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
  }

  private static long sample(long pid, int runs, String flow) throws Exception {
    jcmd(pid, "GC.run");
    jcmd(pid, "GC.run");
    Matcher used = USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!used.find()) {
      throw new IllegalStateException("no heap figure in jcmd GC.heap_info");
    }
    long kb = Long.parseLong(used.group(1));
    System.out.printf("runs=%d live_heap_kb=%d db_kb=%d at=%s%n", runs, kb, databaseKb(), Instant.now());
    return kb;
  }

  /** Per class: instances and bytes. */
  private static Map<String, long[]> histogram(long pid) throws Exception {
    Map<String, long[]> classes = new HashMap<>();
    for (String line : jcmd(pid, "GC.class_histogram").split("\n")) {
      Matcher row = HISTOGRAM_ROW.matcher(line);
      if (row.find()) {
        classes.put(row.group(3), new long[] {Long.parseLong(row.group(1)), Long.parseLong(row.group(2))});
      }
    }
    return classes;
  }

  private static String jcmd(long pid, String command) throws Exception {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  private static void start(String token, String base, String flow, int count, int inFlight) throws Exception {
    Semaphore slots = new Semaphore(inFlight);
    try (ExecutorService pool = Executors.newFixedThreadPool(inFlight)) {
      for (int i = 0; i < count; i++) {
        slots.acquire();
        pool.submit(() -> {
          try {
            call(token, "POST", base + "/api/flows/" + flow + "/runs", "application/json", "{\"variables\":{}}", 201);
          } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
          } finally {
            slots.release();
          }
        });
      }
    }
  }

  /** Waits until {@code total} runs of the flow completed and none is left running; fails on any other end. */
  private static void awaitEnded(String flow, int total) throws Exception {
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(30));
    try (Connection db = DriverManager.getConnection(System.getenv("BENCH_DB_URL"), System.getenv("BENCH_DB_USER"),
        System.getenv("BENCH_DB_PASSWORD")); PreparedStatement query = db.prepareStatement(
        "select count(*) filter (where status = 'completed'), count(*) filter (where status not in ('completed', 'running'))"
            + " from flow_run where flow_id = ?")) {
      query.setString(1, flow);
      while (Instant.now().isBefore(giveUp)) {
        try (ResultSet row = query.executeQuery()) {
          row.next();
          if (row.getLong(2) > 0) {
            throw new IllegalStateException(row.getLong(2) + " runs of " + flow + " did not complete");
          }
          if (row.getLong(1) >= total) {
            return;
          }
        }
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("Fewer than " + total + " runs of " + flow + " completed within 30 minutes");
  }

  private static long databaseKb() throws Exception {
    try (Connection db = DriverManager.getConnection(System.getenv("BENCH_DB_URL"), System.getenv("BENCH_DB_USER"),
        System.getenv("BENCH_DB_PASSWORD")); ResultSet row = db.createStatement()
        .executeQuery("select pg_database_size(current_database()) / 1024")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void call(String token, String method, String url, String type, String body, int expected)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Authorization", "Bearer " + token);
    if (type != null) {
      request.header("Content-Type", type);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
