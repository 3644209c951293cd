package io.millflow.engine.operaton;

import static io.millflow.engine.operaton.TestFlows.flow;
import static io.millflow.engine.operaton.TestFlows.process;
import static io.millflow.engine.operaton.TestFlows.serviceTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.millflow.engine.port.ActivatedTask;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.CompletionRecord;
import io.millflow.engine.port.EngineIncident;
import io.millflow.engine.port.TaskHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AttemptOutcomesTest {

  @RegisterExtension final EngineFixture fixture = new EngineFixture();

  private static final String ONE_STEP = TestFlows.sequence("one", "Step", "step");
  private static final String CAUGHT =
      process(
              "caught",
              """
      <bpmn:startEvent id="Start" />
      %s
      <bpmn:boundaryEvent id="OnBadData" attachedToRef="Step">
        <bpmn:errorEventDefinition errorRef="BadData" />
      </bpmn:boundaryEvent>
      %s
      <bpmn:endEvent id="End" />
      <bpmn:endEvent id="Handled" />
      """
                      .formatted(
                          serviceTask("Step", "step", ""), serviceTask("Repair", "repair", ""))
                  + flow("F1", "Start", "Step")
                  + flow("F2", "Step", "End")
                  + flow("F3", "OnBadData", "Repair")
                  + flow("F4", "Repair", "Handled"))
          .replace(
              "</bpmn:definitions>",
              "<bpmn:error id=\"BadData\" name=\"Bad data\" errorCode=\"bad-data\" />\n</bpmn:definitions>");

  private OperatonEngine engineWith(
      String processId, String xml, Map<String, TaskHandler> handlers) {
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy(processId, xml);
    fixture.openWorkers(engine, handlers, Duration.ofSeconds(30));
    return engine;
  }

  @Test
  void retryLaterHandsTheTaskOutAgainAfterTheBackoffWithTheRetriesLeft() {
    AtomicInteger attempts = new AtomicInteger();
    OperatonEngine engine =
        engineWith(
            "one",
            ONE_STEP,
            Map.of(
                "step",
                (task, lease) ->
                    attempts.incrementAndGet() == 1
                        ? new AttemptOutcome.RetryLater(2, Duration.ofMillis(300), "503 from Plex")
                        : new AttemptOutcome.Completed(Map.of(), null)));

    String instance = engine.start("one", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(fixture.handedFor(instance))
        .extracting(ActivatedTask::retries)
        .containsExactly(3, 2);
    assertThat(engine.openIncidents(instance)).isEmpty();
  }

  @Test
  void anIncidentStopsTheRunUntilRetryRunsTheStepAgain() {
    AtomicInteger attempts = new AtomicInteger();
    OperatonEngine engine =
        engineWith(
            "one",
            ONE_STEP,
            Map.of(
                "step",
                (task, lease) ->
                    attempts.incrementAndGet() == 1
                        ? new AttemptOutcome.Incident("reauth", "Plex rejected the credentials")
                        : new AttemptOutcome.Completed(Map.of(), null)));

    String instance = engine.start("one", Map.of());
    await().atMost(Duration.ofSeconds(20)).until(() -> !engine.openIncidents(instance).isEmpty());
    EngineIncident incident = engine.openIncidents(instance).get(0);
    assertThat(incident.elementId()).isEqualTo("Step");
    assertThat(incident.message()).isEqualTo("reauth: Plex rejected the credentials");
    assertThat(attempts).hasValue(1);

    engine.retry(instance, 2);

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(fixture.handedFor(instance))
        .extracting(ActivatedTask::retries)
        .containsExactly(3, 2);
    assertThat(engine.openIncidents(instance)).isEmpty();
  }

  @Test
  void retriesRunningOutIsAnIncident() {
    OperatonEngine engine =
        engineWith(
            "one",
            ONE_STEP,
            Map.of(
                "step",
                (task, lease) ->
                    new AttemptOutcome.RetryLater(
                        task.retries() - 1, Duration.ZERO, "timeout #" + task.retries())));

    String instance = engine.start("one", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> !engine.openIncidents(instance).isEmpty());
    assertThat(engine.openIncidents(instance).get(0).message()).isEqualTo("timeout #1");
    assertThat(fixture.handedFor(instance)).hasSize(3);
  }

  @Test
  void aBpmnErrorIsCaughtByTheErrorBoundaryEvent() {
    OperatonEngine engine =
        engineWith(
            "caught",
            CAUGHT,
            Map.of(
                "step",
                (task, lease) -> new AttemptOutcome.BpmnError("bad-data", "order 7 has no lines"),
                "repair",
                EngineFixture.completing(Map.of())));

    String instance = engine.start("caught", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(fixture.handedFor(instance))
        .extracting(ActivatedTask::type)
        .containsExactly("step", "repair");
  }

  @Test
  void aBpmnErrorNoEventCatchesIsAnIncidentNotTheEndOfTheRun() {
    OperatonEngine engine =
        engineWith(
            "caught",
            CAUGHT,
            Map.of(
                "step",
                (task, lease) -> new AttemptOutcome.BpmnError("other-code", "order 7 is odd"),
                "repair",
                EngineFixture.completing(Map.of())));

    String instance = engine.start("caught", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> !engine.openIncidents(instance).isEmpty());
    assertThat(engine.openIncidents(instance).get(0).message())
        .contains("other-code")
        .contains("not caught")
        .contains("order 7 is odd");
    assertThat(fixture.runEnds).doesNotContain(instance);
  }

  @Test
  void handBackGivesTheTaskOutAgainLaterWithoutSpendingARetry() {
    AtomicInteger attempts = new AtomicInteger();
    OperatonEngine engine =
        engineWith(
            "one",
            ONE_STEP,
            Map.of(
                "step",
                (task, lease) ->
                    attempts.incrementAndGet() == 1
                        ? new AttemptOutcome.HandBack(Duration.ofMillis(500))
                        : new AttemptOutcome.Completed(Map.of(), null)));

    String instance = engine.start("one", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    List<ActivatedTask> handed = fixture.handedFor(instance);
    assertThat(handed).extracting(ActivatedTask::retries).containsExactly(3, 3);
    assertThat(handed).extracting(ActivatedTask::key).containsOnly(handed.get(0).key());
  }

  @Test
  void aCompletionIsRecordedOnlyAfterTheEngineTookIt() {
    List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
    OperatonEngine engine =
        engineWith(
            "one",
            ONE_STEP,
            Map.of(
                "step",
                (task, lease) -> {
                  EngineFixture.operaton("w1")
                      .getRuntimeService()
                      .deleteProcessInstance(task.instanceKey(), "gone");
                  return new AttemptOutcome.Completed(
                      Map.of(),
                      new CompletionRecord() {
                        @Override
                        public void record() {
                          recorded.add(task.key());
                        }

                        @Override
                        public void record(java.sql.Connection transaction) {
                          recorded.add(task.key());
                        }
                      });
                }));
    String gone = engine.start("one", Map.of());
    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.handedFor(gone).size() == 1);

    await()
        .during(Duration.ofSeconds(1))
        .atMost(Duration.ofSeconds(3))
        .until(() -> recorded.isEmpty());
    assertThat(fixture.runEnds).doesNotContain(gone);
  }

  @Test
  void aCompletionsRecordCommitsWithTheEnginesTransactionOrNotAtAll() throws Exception {
    try (java.sql.Connection db = fixture.dataSource().getConnection();
        java.sql.Statement sql = db.createStatement()) {
      sql.execute("create table completion_note (task text not null)");
    }
    AtomicInteger attempts = new AtomicInteger();
    OperatonEngine engine = fixture.engine("w1");
    engine.deploy("one", ONE_STEP);
    fixture.openWorkers(
        engine,
        Map.of(
            "step",
            (task, lease) -> {
              boolean first = attempts.incrementAndGet() == 1;
              return new AttemptOutcome.Completed(
                  Map.of(),
                  new CompletionRecord() {
                    @Override
                    public void record() {
                      throw new AssertionError(
                          "the embedded engine records in its own transaction");
                    }

                    @Override
                    public void record(java.sql.Connection transaction) {
                      try (java.sql.PreparedStatement insert =
                          transaction.prepareStatement(
                              "insert into completion_note (task) values (?)")) {
                        insert.setString(1, task.key());
                        insert.executeUpdate();
                      } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                      }
                      if (first) {
                        throw new IllegalStateException("the history is unreachable");
                      }
                    }
                  });
            }),
        Duration.ofMillis(500));

    String instance = engine.start("one", Map.of());

    await().atMost(Duration.ofSeconds(20)).until(() -> fixture.runEnds.contains(instance));
    assertThat(fixture.handedFor(instance))
        .hasSize(2)
        .extracting(ActivatedTask::key)
        .containsOnly(fixture.handedFor(instance).get(0).key());
    try (java.sql.Connection db = fixture.dataSource().getConnection();
        java.sql.Statement sql = db.createStatement();
        java.sql.ResultSet notes = sql.executeQuery("select count(*) from completion_note")) {
      notes.next();
      assertThat(notes.getInt(1))
          .as("the failed completion's note rolled back with it")
          .isEqualTo(1);
    }
  }
}
