package io.millflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who records a run first: its starter (the API, a webhook) or the worker that took its first task;
 * the run ends up the same either way. On a real state store.
 */
class RunStartRecordTest {

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-run-start-record-test");

  private static RunHistory history;

  @BeforeAll
  static void useTheStore() {
    history = TestHistories.over(postgres.jdbi());
  }

  private final String tenant = "t-" + UUID.randomUUID();
  private final RunKey key = new RunKey(tenant, "test", "instance-" + UUID.randomUUID());

  @Test
  void aRunItsFirstAttemptRecordedBeforeItsStartGetsTheStartersVersionAndName() {
    AttemptStart attempt =
        history.startAttempt(key, "orders", "Read", "el-1", "test.step", "job-1", null, "w");

    UUID run = history.ensureRun(key, "orders", 3, "token:nightly");

    assertThat(run).isEqualTo(attempt.runId());
    FlowRun recorded = history.findRun(tenant, run).orElseThrow().run();
    assertThat(recorded.flowVersion()).isEqualTo(3);
    assertThat(recorded.startedBy()).isEqualTo("token:nightly");
  }

  @Test
  void aRunRecordedByItsStarterKeepsItsVersionAndNameWhenItsAttemptsComeAfter() {
    UUID run = history.ensureRun(key, "orders", 2, "trigger:po-changed");

    history.startAttempt(key, "orders", "Read", "el-1", "test.step", "job-1", null, "w");
    history.ensureRun(key, "orders", 5, "token:other");

    FlowRun recorded = history.findRun(tenant, run).orElseThrow().run();
    assertThat(recorded.flowVersion()).isEqualTo(2);
    assertThat(recorded.startedBy()).isEqualTo("trigger:po-changed");
  }
}
