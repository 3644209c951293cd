package io.millflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.millflow.engine.observe.MillflowMetrics;
import io.millflow.engine.observe.RunLog;
import io.millflow.engine.operaton.OperatonEngine;
import io.millflow.engine.operaton.OperatonSettings;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.TaskWorker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The run history's retention on a real PostgreSQL and the embedded engine: what goes, what stays,
 * exactly.
 */
class HistoryRetentionTest {

  private static final Duration RETENTION = Duration.ofDays(30);
  private static final String TENANT = "default";

  private EmbeddedPostgres postgres;
  private HikariDataSource dataSource;
  private Jdbi jdbi;
  private RunHistory history;
  private OperatonEngine engine;

  @BeforeEach
  void start() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(new File("target/pg-history-retention"))
            .start();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(12);
    dataSource = new HikariDataSource(config);
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbi = Jdbi.create(dataSource);
    history = new RunHistory(jdbi, new RunLog(new MillflowMetrics(false)));
    engine =
        new OperatonEngine(
            dataSource, "retention", new OperatonSettings(4, Duration.ofMillis(200), RETENTION));
    engine.deploy("noop", flow("noop", "noop.step"));
    engine.deploy("waits", flow("waits", "nobody.takes.this"));
    engine.openWorkers(
        List.of(
            new TaskWorker(
                "noop.step",
                Duration.ofSeconds(30),
                List.of(),
                (task, lease) -> new AttemptOutcome.Completed(Map.of(), null))),
        (processId, instanceKey) -> {
          history.endRun(key(instanceKey), processId, RunStatus.COMPLETED);
          return new AttemptOutcome.Completed(Map.of(), null);
        });
  }

  @AfterEach
  void stop() throws IOException {
    engine.close();
    dataSource.close();
    postgres.close();
  }

  @Test
  void deletesRunsThatEndedBeforeTheRetentionWithTheirEngineHistoryAndKeepsRecentAndOpenOnes() {
    List<String> completed = completedRuns(5);
    List<String> old = completed.subList(0, 3);
    List<String> recent = completed.subList(3, 5);
    String running = startRun("waits");
    UUID atIncident = history.ensureRun(key("no-instance-at-incident"), "noop", 1, "token:test");
    jdbi.useHandle(
        h -> h.execute("update flow_run set status = 'incident' where id = ?", atIncident));
    age(old, RETENTION.plusDays(10));
    jdbi.useHandle(
        h ->
            h.execute(
                "update flow_run set started_at = now() - interval '90 days' where status <> 'completed'"));
    UUID oldRun = runId(old.get(0));
    UUID recentRun = runId(recent.get(0));
    AttemptStart attempt =
        history.startAttempt(
            key(old.get(0)), "noop", "Step", "again", "noop.step", "job-1", "{}", "retention");
    history.log(attempt.stepRunId(), "INFO", "a line of an old run");
    UUID oldDataset = dataset(oldRun);
    UUID recentDataset = dataset(recentRun);
    UUID subscription = subscription();
    event(subscription, "delivered", RETENTION.plusDays(1));
    UUID recentEvent = event(subscription, "delivered", Duration.ofDays(1));
    UUID oldPending = event(subscription, "pending", RETENTION.plusDays(5));

    HistoryRetention.Swept swept = retention().sweep(Instant.now());

    assertThat(swept).isEqualTo(new HistoryRetention.Swept(3, 1));
    assertThat(count("select count(*) from flow_run where process_instance_key = any(?)", old))
        .isZero();
    assertThat(count("select count(*) from flow_run where process_instance_key = any(?)", recent))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from flow_run where process_instance_key = ? and status = 'running'",
                running))
        .isEqualTo(1);
    assertThat(count("select count(*) from flow_run where id = ?", atIncident)).isEqualTo(1);
    assertThat(count("select count(*) from flow_run", null)).isEqualTo(4);
    assertThat(count("select count(*) from step_run where run_id = ?", oldRun)).isZero();
    assertThat(count("select count(*) from step_log", null)).isZero();
    assertThat(count("select count(*) from step_run where run_id = ?", recentRun)).isEqualTo(1);
    assertThat(count("select count(*) from dataset where id = ?", oldDataset)).isZero();
    assertThat(count("select count(*) from dataset where id = ?", recentDataset)).isEqualTo(1);
    assertThat(count("select count(*) from act_hi_procinst where proc_inst_id_ = any(?)", old))
        .isZero();
    assertThat(count("select count(*) from act_hi_procinst where proc_inst_id_ = any(?)", recent))
        .isEqualTo(2);
    assertThat(
            count(
                "select count(*) from act_hi_procinst where proc_inst_id_ = ? and end_time_ is null",
                running))
        .isEqualTo(1);
    assertThat(count("select count(*) from act_ru_execution where proc_inst_id_ = ?", running))
        .isPositive();
    List<UUID> events =
        jdbi.withHandle(h -> h.createQuery("select id from event_outbox").mapTo(UUID.class).list());
    assertThat(events).containsExactlyInAnyOrder(recentEvent, oldPending);
    assertThat(retention().sweep(Instant.now()))
        .as("a second sweep finds nothing")
        .isEqualTo(new HistoryRetention.Swept(0, 0));
  }

  @Test
  void twoInstancesSweepingAtOnceDeleteEachRunOnce() {
    List<String> old = completedRuns(6);
    age(old, RETENTION.plusDays(1));
    HistoryRetention one = new HistoryRetention(jdbi, engine, RETENTION, Duration.ofHours(1), 2);
    HistoryRetention other = new HistoryRetention(jdbi, engine, RETENTION, Duration.ofHours(1), 2);

    CompletableFuture<HistoryRetention.Swept> first =
        CompletableFuture.supplyAsync(() -> one.sweep(Instant.now()));
    CompletableFuture<HistoryRetention.Swept> second =
        CompletableFuture.supplyAsync(() -> other.sweep(Instant.now()));

    assertThat(first.join().runs() + second.join().runs()).isEqualTo(6);
    assertThat(count("select count(*) from flow_run", null)).isZero();
    assertThat(count("select count(*) from act_hi_procinst", null)).isZero();
  }

  private HistoryRetention retention() {
    return new HistoryRetention(jdbi, engine, RETENTION, Duration.ofHours(1), 2);
  }

  /**
   * Runs of the no-op flow, started and recorded as the API does, each waited for until its end is
   * recorded.
   */
  private List<String> completedRuns(int count) {
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String instance = startRun("noop");
      history.startAttempt(
          key(instance),
          "noop",
          "Step",
          instance + "-step",
          "noop.step",
          instance + "-job",
          "{}",
          "retention");
      instances.add(instance);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                count(
                        "select count(*) from flow_run where status = 'completed' and process_instance_key = any(?)",
                        instances)
                    == count);
    return instances;
  }

  private String startRun(String flowId) {
    String instance = engine.start(flowId, Map.of());
    history.ensureRun(key(instance), flowId, 1, "token:test");
    return instance;
  }

  private void age(List<String> instances, Duration endedAgo) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            update flow_run set started_at = now() - cast(:ago as interval), ended_at = now() - cast(:ago as interval)
            where process_instance_key = any(:instances)""")
                .bind("ago", endedAgo.toSeconds() + " seconds")
                .bind("instances", instances.toArray(String[]::new))
                .execute());
  }

  private UUID runId(String instance) {
    return jdbi.withHandle(
        h ->
            h.createQuery("select id from flow_run where process_instance_key = ?")
                .bind(0, instance)
                .mapTo(UUID.class)
                .one());
  }

  private UUID dataset(UUID runId) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.execute(
                "insert into dataset (id, tenant_id, run_id, entity, status) values (?, ?, ?, 'purchaseOrder', 'sealed')",
                id,
                TENANT,
                runId));
    return id;
  }

  private UUID subscription() {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.execute(
                "insert into event_subscription (id, tenant_id, url, secret, event_types) "
                    + "values (?, ?, 'http://127.0.0.1:9/hook', 'secret', '[\"sync.completed\"]'::jsonb)",
                id,
                TENANT));
    return id;
  }

  private UUID event(UUID subscription, String status, Duration ago) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into event_outbox (id, subscription_id, type, payload, status, created_at, delivered_at)
            values (:id, :subscription, 'sync.completed', '{}'::jsonb, :status, now() - cast(:ago as interval),
                    case when :status = 'delivered' then now() - cast(:ago as interval) end)""")
                .bind("id", id)
                .bind("subscription", subscription)
                .bind("status", status)
                .bind("ago", ago.toSeconds() + " seconds")
                .execute());
    return id;
  }

  private int count(String sql, Object parameter) {
    return jdbi.withHandle(
        h -> {
          var query = h.createQuery(sql);
          if (parameter instanceof List<?> list) {
            query.bind(0, list.stream().map(String::valueOf).toArray(String[]::new));
          } else if (parameter != null) {
            query.bind(0, parameter);
          }
          return query.mapTo(Integer.class).one();
        });
  }

  private static RunKey key(String instance) {
    return new RunKey(TENANT, "operaton", instance);
  }

  private static String flow(String processId, String taskType) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_%1$s" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:serviceTask id="Step">
              <bpmn:extensionElements><zeebe:taskDefinition type="%2$s" /></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Step" />
            <bpmn:sequenceFlow id="F2" sourceRef="Step" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(processId, taskType)
        .strip();
  }
}
