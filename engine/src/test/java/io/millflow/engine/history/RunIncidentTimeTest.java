package io.millflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When a run stopped at its incident, so that its duration stops there too, and its business key;
 * on a real state store.
 */
class RunIncidentTimeTest {

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-run-incident-time-test");

  private static RunHistory history;

  @BeforeAll
  static void useTheStore() {
    Jdbi jdbi = postgres.jdbi();
    history = TestHistories.over(jdbi);
  }

  private final String tenant = "t-" + UUID.randomUUID();
  private final RunKey key = new RunKey(tenant, "test", "instance-" + UUID.randomUUID());

  @Test
  void aRunAtAnIncidentKeepsTheTimeItStoppedUntilItIsRetried() {
    AttemptStart attempt = attempt();
    assertThat(run(attempt.runId()).incidentAt()).isNull();

    history.failStep(attempt.runId(), attempt.stepRunId(), StepStatus.FAILED, null, "boom", null);
    FlowRun atIncident = run(attempt.runId());
    assertThat(atIncident.status()).isEqualTo("incident");
    assertThat(atIncident.incidentAt()).isNotNull().isAfterOrEqualTo(atIncident.startedAt());

    history.markRetried(attempt.runId());
    assertThat(run(attempt.runId()).incidentAt()).isNull();

    history.restoreIncident(atIncident);
    assertThat(run(attempt.runId()).incidentAt()).isEqualTo(atIncident.incidentAt());
  }

  @Test
  void aRetryThatTheStepRetriesItselfClearsTheIncidentTime() {
    AttemptStart attempt = attempt();
    history.failStep(attempt.runId(), attempt.stepRunId(), StepStatus.FAILED, null, "boom", null);

    history.startAttempt(key, "orders", "Read", "el-1", "test.step", "job-2", null, "w");

    assertThat(run(attempt.runId()).status()).isEqualTo("running");
    assertThat(run(attempt.runId()).incidentAt()).isNull();
  }

  @Test
  void keepsTheFirstBusinessKeyARunWasGiven() {
    AttemptStart attempt = attempt();

    history.keyRun(attempt.runId(), " PO-1001 ");
    history.keyRun(attempt.runId(), "PO-2002");
    history.keyRun(attempt.runId(), null);

    assertThat(run(attempt.runId()).businessKey()).isEqualTo("PO-1001");
  }

  private AttemptStart attempt() {
    return history.startAttempt(key, "orders", "Read", "el-1", "test.step", "job-1", null, "w");
  }

  private FlowRun run(UUID runId) {
    return history.findRun(tenant, runId).orElseThrow().run();
  }
}
