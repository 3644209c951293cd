package io.millflow.engine.operaton;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.RunEndHandler;
import io.millflow.engine.port.TaskHandler;
import io.millflow.engine.port.TaskWorker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL (one zonky server for the test JVM) with a fresh database per test, Millflow's
 * migrations run, and the Operaton engines a test starts on it, closed after the test. Handlers
 * record what they were handed.
 */
final class EngineFixture implements BeforeEachCallback, AfterEachCallback {

  static final Duration POLL = Duration.ofMillis(200);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private final List<AutoCloseable> open = new ArrayList<>();
  private HikariDataSource dataSource;

  /** Tasks and run ends as the handlers were told, across all engines of the test. */
  final List<ActivatedTask> handed = new CopyOnWriteArrayList<>();

  final List<String> runEnds = new CopyOnWriteArrayList<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    dataSource = freshDatabase();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    open.clear();
  }

  HikariDataSource dataSource() {
    return dataSource;
  }

  OperatonEngine engine(String workerName) {
    return engine(workerName, 8);
  }

  /** An engine that runs at most {@code attemptSlots} attempts at once. */
  OperatonEngine engine(String workerName, int attemptSlots) {
    OperatonEngine engine =
        new OperatonEngine(
            dataSource, workerName, new OperatonSettings(attemptSlots, POLL, Duration.ofDays(1)));
    open.add(engine);
    return engine;
  }

  /**
   * An engine whose workers take these types with these handlers; run ends are recorded in {@link
   * #runEnds}.
   */
  OperatonEngine engineWithWorkers(String workerName, Map<String, TaskHandler> handlers) {
    OperatonEngine engine = engine(workerName);
    openWorkers(engine, handlers, Duration.ofSeconds(30));
    return engine;
  }

  void openWorkers(OperatonEngine engine, Map<String, TaskHandler> handlers, Duration lock) {
    List<TaskWorker> workers =
        handlers.entrySet().stream()
            .map(
                e ->
                    new TaskWorker(
                        e.getKey(),
                        lock,
                        List.of(),
                        (TaskHandler)
                            (task, lease) -> {
                              handed.add(task);
                              return e.getValue().attempt(task, lease);
                            }))
            .toList();
    engine.openWorkers(workers, recordingRunEnds());
  }

  RunEndHandler recordingRunEnds() {
    return (processId, instanceKey) -> {
      runEnds.add(instanceKey);
      return new AttemptOutcome.Completed(Map.of(), null);
    };
  }

  /** The Operaton engine under an adapter, to look at its state. */
  static org.operaton.bpm.engine.ProcessEngine operaton(String workerName) {
    return org.operaton.bpm.engine.ProcessEngines.getProcessEngine("millflow-" + workerName);
  }

  /** The tasks handed out for one instance, in order. */
  List<ActivatedTask> handedFor(String instanceKey) {
    return handed.stream().filter(task -> task.instanceKey().equals(instanceKey)).toList();
  }

  static TaskHandler completing(Map<String, Object> variables) {
    return (task, lease) -> new AttemptOutcome.Completed(variables, null);
  }

  private HikariDataSource freshDatabase() {
    String name = "operaton_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement create = connection.createStatement()) {
      create.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server().getJdbcUrl("postgres", name));
    config.setUsername("postgres");
    config.setMaximumPoolSize(20);
    config.setPoolName(name);
    HikariDataSource pool = new HikariDataSource(config);
    open.add(pool);
    Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    return pool;
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(new File("target/pg-operaton"))
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      server.close();
                    } catch (IOException ignored) {
                      // the JVM ends anyway
                    }
                  }));
    }
    return server;
  }
}
