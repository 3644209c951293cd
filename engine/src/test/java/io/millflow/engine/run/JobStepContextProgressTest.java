package io.millflow.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.history.RunHistory;
import io.millflow.engine.history.TestHistories;
import io.millflow.engine.store.MigratedStateStoreExtension;
import io.millflow.step.Batches;
import io.millflow.step.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a step's progress reports leave in the run history, on a real state store. */
class JobStepContextProgressTest {

  @RegisterExtension
  static final MigratedStateStoreExtension postgres =
      new MigratedStateStoreExtension("pg-step-progress-test");

  private static Jdbi jdbi;

  @BeforeAll
  static void useTheStore() {
    jdbi = postgres.jdbi();
  }

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  private final RunHistory history = TestHistories.over(jdbi);

  @Test
  void pagesReportedFasterThanOnceASecondAreWrittenWithTheNextProgressWrite() {
    UUID stepRun = attempt();
    JobStepContext context = context(stepRun);

    context.progress(100, -1, Batches.pages(1));
    context.progress(200, -1, Batches.pages(2)); // within the second: kept, not written
    assertThat(stored(stepRun))
        .containsEntry("progress_done", 100L)
        .containsEntry("batches_done", 1L);

    clock.advance(Duration.ofSeconds(1));
    context.progress(250, -1); // a records-only report carries the pages read so far
    assertThat(stored(stepRun))
        .containsEntry("progress_done", 250L)
        .containsEntry("batch_unit", "page")
        .containsEntry("batches_done", 2L)
        .containsEntry("batches_total", null);
  }

  @Test
  void theLastWindowIsWrittenWhenTheStepReportsItIsDone() {
    UUID stepRun = attempt();
    JobStepContext context = context(stepRun);

    for (int window = 1; window <= 12; window++) {
      context.progress(window * 10L, -1, Batches.windows(window, 12));
    }
    context.progress(120, 120);

    assertThat(stored(stepRun))
        .containsEntry("progress_done", 120L)
        .containsEntry("progress_total", 120L)
        .containsEntry("batch_unit", "window")
        .containsEntry("batches_done", 12L)
        .containsEntry("batches_total", 12L);
  }

  private JobStepContext context(UUID stepRun) {
    return new JobStepContext(
        "t", UUID.randomUUID(), stepRun, "task", null, null, history, clock, null, null);
  }

  private static UUID attempt() {
    UUID run = UUID.randomUUID();
    UUID stepRun = UUID.randomUUID();
    jdbi.useHandle(
        h -> {
          h.createUpdate(
                  """
                  insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by)
                  values (:id, 't', 'test', :key, 'f', 'running', 'api')""")
              .bind("id", run)
              .bind("key", run.toString())
              .execute();
          h.createUpdate(
                  """
                  insert into step_run (id, run_id, element_id, element_instance_key, step_type, job_key,
                    attempt, status)
                  values (:id, :run, 'Read', 'Read', 'test.step', :job, 1, 'running')""")
              .bind("id", stepRun)
              .bind("run", run)
              .bind("job", stepRun.toString())
              .execute();
        });
    return stepRun;
  }

  private static Map<String, Object> stored(UUID stepRun) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select progress_done, progress_total, batch_unit, batches_done, batches_total
                    from step_run where id = :id""")
                .bind("id", stepRun)
                .mapToMap()
                .one());
  }
}
