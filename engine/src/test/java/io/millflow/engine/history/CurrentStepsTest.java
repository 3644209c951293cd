package io.millflow.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.Batches;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The step each run is at, on a real state store. */
class CurrentStepsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-current-steps-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final CurrentSteps current = new CurrentSteps(jdbi);

  @Test
  void aRunningRunIsAtItsLatestRunningAttemptWithItsProgress() {
    UUID run = run();
    attempt(run, "Read", "completed", 0, 500L, 500L);
    attempt(run, "Map", "running", 1, 120L, null);

    assertThat(current.of(List.of(run)))
        .containsEntry(
            run, new CurrentSteps.CurrentStep("Map", "test.step", 120L, null, null, null, null));
  }

  @Test
  void aStepReadingInBatchesShowsThePagesOrWindowsItHasReadWithItsRecords() {
    UUID run = run();
    UUID read = attempt(run, "Read", "running", 0, null, null);
    RunHistory history = TestHistories.over(jdbi);

    history.progress(read, 300, -1, Batches.windows(3, 12));
    assertThat(current.of(List.of(run)))
        .containsEntry(
            run, new CurrentSteps.CurrentStep("Read", "test.step", 300L, null, "window", 3L, 12L));

    history.progress(read, 900, -1, Batches.pages(40));
    assertThat(current.of(List.of(run)).get(run))
        .extracting(
            CurrentSteps.CurrentStep::batchUnit,
            CurrentSteps.CurrentStep::batchesDone,
            CurrentSteps.CurrentStep::batchesTotal)
        .containsExactly("page", 40L, null);
  }

  @Test
  void aRunWithNoRunningAttemptIsLeftOut() {
    UUID ended = run();
    attempt(ended, "Read", "completed", 0, 10L, 10L);
    UUID waiting = run();

    assertThat(current.of(List.of(ended, waiting))).isEmpty();
    assertThat(current.of(List.of())).isEmpty();
  }

  private static UUID run() {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by)
                    values (:id, 't', 'test', :key, 'f', 'running', 'api')""")
                .bind("id", id)
                .bind("key", id.toString())
                .execute());
    return id;
  }

  private static UUID attempt(
      UUID run, String element, String status, int minute, Long done, Long total) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    insert into step_run (id, run_id, element_id, element_instance_key, step_type, job_key,
                      attempt, status, started_at, progress_done, progress_total)
                    values (:id, :run, :element, :element, 'test.step', :job, 1, :status, :at, :done, :total)""")
                .bind("id", id)
                .bind("run", run)
                .bind("element", element)
                .bind("job", UUID.randomUUID().toString())
                .bind("status", status)
                .bind("at", T0.plusSeconds(60L * minute))
                .bind("done", done)
                .bind("total", total)
                .execute());
    return id;
  }
}
