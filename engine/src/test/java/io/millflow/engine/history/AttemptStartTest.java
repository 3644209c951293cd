package io.millflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.Batches;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an attempt's start writes, on a run already recorded and on one seen first, and what the
 * attempt logs while it runs; on a real state store.
 */
class AttemptStartTest {

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-attempt-start-test");

  private static RunHistory history;

  @BeforeAll
  static void useTheStore() {
    history = TestHistories.over(postgres.jdbi());
  }

  private final String tenant = "t-" + UUID.randomUUID();
  private final RunKey key = new RunKey(tenant, "test", "instance-" + UUID.randomUUID());

  @Test
  void anAttemptAtATaskStillOpenIsAbandonedAndTheNextOneNumberedAfterIt() {
    UUID run = history.ensureRun(key, "orders", 1, "token:nightly");
    AttemptStart first = start("job-1", "w1");

    AttemptStart second = start("job-1", "w2");

    assertThat(first.runId()).isEqualTo(run);
    assertThat(second.runId()).isEqualTo(run);
    List<StepRun> steps = steps(run);
    assertThat(steps).extracting(StepRun::attempt).containsExactly(1, 2);
    assertThat(steps.get(0).status()).isEqualTo("abandoned");
    assertThat(steps.get(0).endedAt()).isNotNull();
    assertThat(steps.get(0).error())
        .startsWith("This attempt on w1 did not finish within its lock")
        .endsWith("the engine handed the task to w2");
    assertThat(steps.get(1).status()).isEqualTo("running");
    assertThat(steps.get(1).worker()).isEqualTo("w2");
  }

  @Test
  void anAttemptAtAnotherTaskLeavesTheOpenOneAlone() {
    UUID run = history.ensureRun(key, "orders", 1, "token:nightly");
    start("job-1", "w1");

    history.startAttempt(key, "orders", "Write", "el-2", "test.write", "job-2", null, "w1");

    assertThat(steps(run)).extracting(StepRun::status).containsExactly("running", "running");
    assertThat(steps(run)).extracting(StepRun::attempt).containsExactly(1, 1);
  }

  @Test
  void theFirstAttemptOfARunNotRecordedYetRecordsItOnce() {
    AttemptStart first = start("job-1", "w1");
    AttemptStart second = start("job-2", "w1");

    assertThat(second.runId()).isEqualTo(first.runId());
    assertThat(history.ensureRun(key, "orders", null, null)).isEqualTo(first.runId());
    FlowRun run = history.run(tenant, first.runId()).orElseThrow();
    assertThat(run.startedBy()).isEqualTo(RunHistory.ENGINE_STARTED);
    assertThat(run.status()).isEqualTo("running");
  }

  @Test
  void anAttemptsLogLinesAndProgressAreKept() {
    AttemptStart attempt = start("job-1", "w1");

    history.log(attempt.stepRunId(), "INFO", "read 10 orders");
    history.log(attempt.stepRunId(), "WARN", "order 7 has no lines");
    history.progress(attempt.stepRunId(), 10, 40, null);

    RunDetail.StepAttempt step =
        history.findRun(tenant, attempt.runId()).orElseThrow().steps().getFirst();
    assertThat(step.log())
        .extracting(StepLogLine::level, StepLogLine::message)
        .containsExactly(
            Tuple.tuple("INFO", "read 10 orders"), Tuple.tuple("WARN", "order 7 has no lines"));
    assertThat(step.step().progressDone()).isEqualTo(10);
    assertThat(step.step().progressTotal()).isEqualTo(40);
    assertThat(step.step().batchUnit()).isNull();
  }

  @Test
  void progressKeepsThePagesRead() {
    AttemptStart attempt = start("job-1", "w1");

    history.progress(attempt.stepRunId(), 200, -1, new Batches(Batches.Unit.PAGE, 2, -1));

    StepRun step = steps(attempt.runId()).getFirst();
    assertThat(step.progressTotal()).isNull();
    assertThat(step.batchUnit()).isEqualTo("page");
    assertThat(step.batchesDone()).isEqualTo(2);
    assertThat(step.batchesTotal()).isNull();
  }

  private AttemptStart start(String job, String worker) {
    return history.startAttempt(key, "orders", "Read", "el-1", "test.read", job, "{}", worker);
  }

  private List<StepRun> steps(UUID run) {
    return history.findRun(tenant, run).orElseThrow().steps().stream()
        .map(RunDetail.StepAttempt::step)
        .toList();
  }
}
