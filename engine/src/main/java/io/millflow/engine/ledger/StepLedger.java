package io.millflow.engine.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import io.millflow.step.RecordAccount;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Keeps the ledger row of each completed step attempt with its run, next to the run history. */
@Singleton
public class StepLedger {

  private final Jdbi jdbi;

  @Inject
  public StepLedger(StateStore store) {
    this(store.jdbi());
  }

  StepLedger(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * Records what a completed attempt did, from its typed input and output and the account it gave (or null); the row
   * of an earlier attempt at the same task is replaced.
   */
  public void record(UUID runId, UUID stepRunId, String elementId, String elementInstanceKey, String stepType,
      Object input, Object output, RecordAccount account) {
    save(runId, stepRunId, elementInstanceKey, Contributions.of(elementId, stepType, input, output, account));
  }

  void save(UUID runId, UUID stepRunId, String elementInstanceKey, StepContribution contribution) {
    jdbi.useHandle(h -> h.createUpdate("""
            insert into step_ledger (run_id, element_instance_key, step_run_id, element_id, step_type, contribution)
            values (:run, :elementInstance, :stepRun, :element, :type, cast(:contribution as jsonb))
            on conflict (run_id, element_instance_key) do update set step_run_id = excluded.step_run_id,
              contribution = excluded.contribution, recorded_at = now()""")
        .bind("run", runId).bind("elementInstance", elementInstanceKey).bind("stepRun", stepRunId)
        .bind("element", contribution.elementId()).bind("type", contribution.stepType())
        .bind("contribution", json(contribution)).execute());
  }

  /** The run's rows, in the order their attempts completed. */
  public List<StepContribution> of(UUID runId) {
    return jdbi.withHandle(h -> h.createQuery(
            "select contribution from step_ledger where run_id = :run order by recorded_at, element_id")
        .bind("run", runId).mapTo(String.class).list()).stream().map(StepLedger::parse).toList();
  }

  private static String json(StepContribution contribution) {
    try {
      return Json.mapper().writeValueAsString(contribution);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static StepContribution parse(String json) {
    try {
      return Json.mapper().readValue(json, StepContribution.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
