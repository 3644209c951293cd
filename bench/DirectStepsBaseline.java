import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The no-engine row of the cluster benchmark: a plain Java loop doing, per flow instance, the database work of the
 * three {@code webhook.send} steps of {@code bench/cluster-noop.bpmn} and of Millflow's run history, statement for
 * statement and commit for commit as the runtime makes them (RunHistory, AttemptRunner, OutboundEvents, JobStepContext's
 * log), with plain JDBC on one connection per thread and no engine in between:
 * <ol>
 *   <li>the run's row, as the API inserts it when it started an instance ({@code insert .. on conflict .. returning});
 *   <li>per step: the run's row again (the worker's {@code ensureRun}), the attempt's start (one transaction: the run
 *       back from incident, an open attempt of the same task abandoned, the {@code step_run} insert), the step itself
 *       (one transaction reading the tenant's subscriptions to {@code custom.bench.step}: none, nothing queued), its
 *       log line ({@code step_log} insert), the attempt's end ({@code step_run} update);
 *   <li>the run's end (the run's row once more, then its status and end time).
 * </ol>
 * That is 15 committed writes and 3 read-only transactions per instance, as in the runtime; what the runtime adds on
 * top is the engine (its own rows and commits), the HTTP API and the hand-offs between threads.
 * Measured as {@code ClusterLoad} measures the engines: warm-up (50), then {@code runs} instances on {@code threads}
 * threads, instances/s from the first run's start to the last run's end as recorded in {@code flow_run}; then one
 * instance at a time, each step's {@code started_at}/{@code ended_at} read back (the same PostgreSQL clock).
 *
 * <p>Usage: java -cp "engine/target/quarkus-app/lib/main/*" bench/DirectStepsBaseline.java <jdbc url> <user> <runs>
 * <threads>, with the user's password in the environment variable BASELINE_DB_PASSWORD (never on the command line).
 * Prints the same {@code key=value} line as {@code ClusterLoad}, with what the measured phase cost PostgreSQL per
 * instance and the CPU time spent per instance (BENCH_CPU="postgres=<postmaster pid>"; "load" is this loop), counted
 * as ClusterLoad counts them.
 */
public class DirectStepsBaseline {

  private static final String TENANT = "default";
  private static final String ENGINE = "direct";
  private static final String[] STEPS = {"Step1", "Step2", "Step3"};
  private static final String STEP_TYPE = "webhook.send";
  private static final String EVENT_TYPE = "custom.bench.step";

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = args[1];
    int runs = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    String password = System.getenv("BASELINE_DB_PASSWORD");

    // Connections opened before and closed after the measured phase, so their backends' CPU time is counted.
    List<Connection> connections = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      connections.add(DriverManager.getConnection(url, user, password));
    }
    concurrently(connections, "bench-direct-warmup", 50);
    PgCounters before = PgCounters.read(url, user, password);
    Map<String, Long> cpuBefore = CpuTime.read();
    concurrently(connections, "bench-direct", runs);
    Map<String, Long> cpuAfter = CpuTime.read();
    PgCounters after = PgCounters.read(url, user, password);
    for (Connection connection : connections) {
      connection.close();
    }
    List<Double> runMillis = new ArrayList<>();
    List<Double> stepMillis = new ArrayList<>();
    List<Double> handoffMillis = new ArrayList<>();
    List<Double> firstMillis = new ArrayList<>();
    List<Double> lastMillis = new ArrayList<>();
    int sequential = Math.max(50, runs / 5);
    try (Connection db = DriverManager.getConnection(url, user, password)) {
      for (int i = 0; i < sequential; i++) {
        UUID run = runOnce(db, "bench-direct-sequential");
        measure(db, run, runMillis, stepMillis, handoffMillis, firstMillis, lastMillis);
      }
      System.out.printf("runs=%d per_second=%.1f run_p50_ms=%.1f run_p99_ms=%.1f step_p50_ms=%.1f step_p99_ms=%.1f"
              + " handoff_p50_ms=%.1f handoff_p99_ms=%.1f first_p50_ms=%.1f last_p50_ms=%.1f workers=direct:%d%s%s%n", runs,
          perSecond(db, "bench-direct", runs), pct(runMillis, 50), pct(runMillis, 99), pct(stepMillis, 50),
          pct(stepMillis, 99), pct(handoffMillis, 50), pct(handoffMillis, 99), pct(firstMillis, 50),
          pct(lastMillis, 50), stepMillis.size(), PgCounters.perRun(before, after, runs),
          CpuTime.perRun(cpuBefore, cpuAfter, runs));
    }
  }

  /** {@code count} instances of {@code flow}, on one thread per connection. */
  private static void concurrently(List<Connection> connections, String flow, int count) throws Exception {
    AtomicInteger left = new AtomicInteger(count);
    try (ExecutorService pool = Executors.newFixedThreadPool(connections.size())) {
      List<Future<Void>> workers = new ArrayList<>();
      for (Connection db : connections) {
        workers.add(pool.submit(() -> {
          while (left.getAndDecrement() > 0) {
            runOnce(db, flow);
          }
          return null;
        }));
      }
      for (Future<Void> worker : workers) {
        worker.get();
      }
    }
  }

  /** One flow instance: what the API, three step attempts and the run's end write, in the runtime's order. */
  private static UUID runOnce(Connection db, String flow) throws SQLException {
    String instance = UUID.randomUUID().toString();
    UUID run = ensureRun(db, instance, flow, "api");
    for (String element : STEPS) {
      ensureRun(db, instance, flow, "engine");
      String elementInstance = element + ":" + UUID.randomUUID();
      UUID step = startStep(db, run, element, elementInstance, UUID.randomUUID().toString());
      int subscribers = subscribers(db);
      log(db, step, subscribers == 0 ? "No subscription asks for " + EVENT_TYPE + "; nothing sent"
          : "Queued " + EVENT_TYPE + " for " + subscribers + " subscribers");
      completeStep(db, step, "{\"eventType\":\"" + EVENT_TYPE + "\",\"subscribers\":" + subscribers + "}");
    }
    ensureRun(db, instance, flow, "engine");
    update(db, "update flow_run set status = 'completed', ended_at = now(), error = null where id = ?", run);
    return run;
  }

  private static UUID ensureRun(Connection db, String instance, String flow, String startedBy) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement("""
        insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, flow_version, status, started_by)
        values (?, ?, ?, ?, ?, ?, 'running', ?)
        on conflict (engine_id, process_instance_key) do update
          set started_by = case when excluded.started_by = 'api' then 'api' else flow_run.started_by end
        returning id""")) {
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, TENANT);
      insert.setString(3, ENGINE);
      insert.setString(4, instance);
      insert.setString(5, flow);
      insert.setObject(6, startedBy.equals("api") ? 1 : null, java.sql.Types.INTEGER);
      insert.setString(7, startedBy);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return row.getObject(1, UUID.class);
      }
    }
  }

  private static UUID startStep(Connection db, UUID run, String element, String elementInstance, String job)
      throws SQLException {
    UUID id = UUID.randomUUID();
    db.setAutoCommit(false);
    try {
      update(db, "update flow_run set status = 'running', error = null where id = ? and status = 'incident'", run);
      try (PreparedStatement abandon = db.prepareStatement("""
          update step_run set status = 'abandoned', ended_at = now(),
            error = 'This attempt on ' || coalesce(worker, 'another worker') || ' did not finish within its lock'
                    || ' (the instance stopped, hung or lost its database); the engine handed the task to ' || ?
          where run_id = ? and job_key = ? and status = 'running'""")) {
        abandon.setString(1, "direct");
        abandon.setObject(2, run);
        abandon.setString(3, job);
        abandon.executeUpdate();
      }
      try (PreparedStatement insert = db.prepareStatement("""
          insert into step_run (id, run_id, element_id, element_instance_key, step_type, job_key, attempt, status,
            input_summary, worker)
          values (?, ?, ?, ?, ?, ?, (select count(*) + 1 from step_run where run_id = ? and element_instance_key = ?),
                  'running', ?, ?)""")) {
        insert.setObject(1, id);
        insert.setObject(2, run);
        insert.setString(3, element);
        insert.setString(4, elementInstance);
        insert.setString(5, STEP_TYPE);
        insert.setString(6, job);
        insert.setObject(7, run);
        insert.setString(8, elementInstance);
        insert.setString(9, "{\"event\":\"bench.step\"}");
        insert.setString(10, "direct");
        insert.executeUpdate();
      }
      db.commit();
    } catch (SQLException e) {
      db.rollback();
      throw e;
    } finally {
      db.setAutoCommit(true);
    }
    return id;
  }

  /** The step's own work: OutboundEvents reads the subscriptions in a transaction (none match, nothing queued). */
  private static int subscribers(Connection db) throws SQLException {
    db.setAutoCommit(false);
    try (PreparedStatement query = db.prepareStatement("""
        select id from event_subscription where tenant_id = ?
        and (event_types @> jsonb_build_array(cast(? as text))
             or (? and event_types @> jsonb_build_array(cast(? as text))))""")) {
      query.setString(1, TENANT);
      query.setString(2, EVENT_TYPE);
      query.setBoolean(3, true);
      query.setString(4, "custom.*");
      int count = 0;
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          count++;
        }
      }
      db.commit();
      return count;
    } finally {
      db.setAutoCommit(true);
    }
  }

  private static void log(Connection db, UUID step, String message) throws SQLException {
    try (PreparedStatement insert = db.prepareStatement(
        "insert into step_log (step_run_id, level, message) values (?, 'INFO', ?)")) {
      insert.setObject(1, step);
      insert.setString(2, message);
      insert.executeUpdate();
    }
  }

  private static void completeStep(Connection db, UUID step, String output) throws SQLException {
    try (PreparedStatement update = db.prepareStatement("""
        update step_run set status = 'completed', ended_at = now(), records_in = ?, records_out = ?,
          output_summary = ? where id = ?""")) {
      update.setObject(1, null, java.sql.Types.BIGINT);
      update.setObject(2, null, java.sql.Types.BIGINT);
      update.setString(3, output);
      update.setObject(4, step);
      update.executeUpdate();
    }
  }

  private static void update(Connection db, String sql, UUID id) throws SQLException {
    try (PreparedStatement update = db.prepareStatement(sql)) {
      update.setObject(1, id);
      update.executeUpdate();
    }
  }

  private static double perSecond(Connection db, String flow, int runs) throws SQLException {
    try (PreparedStatement span = db.prepareStatement("select min(started_at), max(ended_at) from flow_run"
        + " where engine_id = ? and flow_id = ?")) {
      span.setString(1, ENGINE);
      span.setString(2, flow);
      try (ResultSet row = span.executeQuery()) {
        row.next();
        return runs / (Duration.between(row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()).toMillis()
            / 1000.0);
      }
    }
  }

  /** The run's and its steps' times as ClusterLoad reads them from the run history. */
  private static void measure(Connection db, UUID run, List<Double> runs, List<Double> steps, List<Double> handoffs,
      List<Double> firsts, List<Double> lasts) throws SQLException {
    Instant runStart;
    Instant runEnd;
    try (PreparedStatement query = db.prepareStatement("select started_at, ended_at from flow_run where id = ?")) {
      query.setObject(1, run);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        runStart = row.getTimestamp(1).toInstant();
        runEnd = row.getTimestamp(2).toInstant();
      }
    }
    runs.add(millis(runStart, runEnd));
    TreeMap<Instant, Instant> attempts = new TreeMap<>();
    try (PreparedStatement query = db.prepareStatement(
        "select started_at, ended_at from step_run where run_id = ? order by started_at")) {
      query.setObject(1, run);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          attempts.put(instant(rows.getTimestamp(1)), instant(rows.getTimestamp(2)));
        }
      }
    }
    Instant previousEnd = null;
    for (var attempt : attempts.entrySet()) {
      steps.add(millis(attempt.getKey(), attempt.getValue()));
      if (previousEnd != null) {
        handoffs.add(millis(previousEnd, attempt.getKey()));
      }
      previousEnd = attempt.getValue();
    }
    firsts.add(millis(runStart, attempts.firstKey()));
    lasts.add(millis(previousEnd, runEnd));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp.toInstant();
  }

  private static double millis(Instant from, Instant to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }

  private static double pct(List<Double> values, int percentile) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.isEmpty() ? -1
        : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
  }

  /** What PostgreSQL has done so far in this database (as ClusterLoad reads it). */
  private record PgCounters(long commits, long walFsyncs, long walBytes) {

    private static final long REPORTED_WITHIN_MS = 11_000; // an idle backend reports its statistics within 10 s

    static PgCounters read(String url, String user, String password) throws Exception {
      Thread.sleep(REPORTED_WITHIN_MS);
      try (Connection db = DriverManager.getConnection(url, user, password);
          Statement query = db.createStatement()) {
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
      return String.format(" commits_per_run=%.1f wal_fsyncs_per_run=%.1f wal_kb_per_run=%.1f",
          (after.commits - before.commits) / (double) runs, (after.walFsyncs - before.walFsyncs) / (double) runs,
          (after.walBytes - before.walBytes) / 1024.0 / runs);
    }
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
}
