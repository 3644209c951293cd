package io.millflow.engine.operaton;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskWorker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * Instances per second of a three-step no-op flow (handlers return Completed at once) on the
 * embedded engine, with PostgreSQL's fsync and synchronous commit on, as the durable default runs.
 * Not a test: run its main, e.g. {@code java -cp <test classpath>
 * io.millflow.engine.operaton.OperatonNoOpBench [instances] [warm-up]}.
 */
public final class OperatonNoOpBench {

  private static final int STARTERS = 4;

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path dir = Files.createTempDirectory("operaton-bench");
    try (EmbeddedPostgres postgres =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(dir.toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        HikariDataSource dataSource = pool(postgres)) {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      try (OperatonEngine engine =
          new OperatonEngine(dataSource, "bench", OperatonSettings.defaults())) {
        engine.deploy(
            "noop", TestFlows.sequence("noop", "One", "one", "Two", "two", "Three", "three"));
        Set<String> ended = ConcurrentHashMap.newKeySet();
        List<TaskWorker> workers = List.of(worker("one"), worker("two"), worker("three"));
        engine.openWorkers(
            workers,
            (processId, instance) -> {
              ended.add(instance);
              return new AttemptOutcome.Completed(Map.of(), null);
            });
        run(engine, ended, warmUp);
        ended.clear();
        long began = System.nanoTime();
        run(engine, ended, instances);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf(
            "operaton embedded, fsync on: %d instances of 3 no-op steps in %.1f s = %.0f instances/s%n",
            instances, seconds, instances / seconds);
      }
    }
  }

  private static TaskWorker worker(String type) {
    return new TaskWorker(
        type,
        Duration.ofMinutes(1),
        List.of(),
        (task, lease) -> new AttemptOutcome.Completed(Map.of(), null));
  }

  private static void run(OperatonEngine engine, Set<String> ended, int count) throws Exception {
    ExecutorService starters = Executors.newFixedThreadPool(STARTERS);
    List<Future<?>> started = new ArrayList<>();
    for (int s = 0; s < STARTERS; s++) {
      int share = count / STARTERS + (s < count % STARTERS ? 1 : 0);
      started.add(
          starters.submit(
              () -> {
                for (int i = 0; i < share; i++) {
                  engine.start("noop", Map.of());
                }
              }));
    }
    for (Future<?> future : started) {
      future.get();
    }
    starters.shutdown();
    while (ended.size() < count) {
      Thread.sleep(5);
    }
  }

  private static HikariDataSource pool(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(24);
    return new HikariDataSource(config);
  }
}
