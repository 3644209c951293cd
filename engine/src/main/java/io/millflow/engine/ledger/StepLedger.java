package io.millflow.engine.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.millflow.engine.store.StateStore;
import io.millflow.step.Json;
import io.millflow.step.RecordAccount;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

  /** One completed attempt's row: what it did with records, ready to be saved. */
  public record Entry(
      UUID runId, UUID stepRunId, String elementInstanceKey, StepContribution contribution) {}

  /**
   * What a completed attempt did, from its typed input and output and the account it gave (or
   * null).
   */
  public Entry entry(
      UUID runId,
      UUID stepRunId,
      String elementId,
      String elementInstanceKey,
      String stepType,
      Object input,
      Object output,
      RecordAccount account) {
    return new Entry(
        runId,
        stepRunId,
        elementInstanceKey,
        Contributions.of(elementId, stepType, input, output, account));
  }

  /**
   * Records what a completed attempt did, from its typed input and output and the account it gave
   * (or null); the row of an earlier attempt at the same task is replaced.
   */
  public void record(
      UUID runId,
      UUID stepRunId,
      String elementId,
      String elementInstanceKey,
      String stepType,
      Object input,
      Object output,
      RecordAccount account) {
    save(entry(runId, stepRunId, elementId, elementInstanceKey, stepType, input, output, account));
  }

  private static final String UPSERT =
      """
      insert into step_ledger (run_id, element_instance_key, step_run_id, element_id, step_type, contribution)
      values (?, ?, ?, ?, ?, cast(? as jsonb))
      on conflict (run_id, element_instance_key) do update set step_run_id = excluded.step_run_id,
        contribution = excluded.contribution, recorded_at = now()""";

  /** Saves the row in a transaction of its own. */
  public void save(Entry entry) {
    jdbi.useHandle(h -> save(h.getConnection(), entry));
  }

  /**
   * Saves the row in the caller's transaction (the engine's, completing the task), so both commit
   * or neither.
   */
  public void save(Connection transaction, Entry entry) {
    try (PreparedStatement upsert = transaction.prepareStatement(UPSERT)) {
      upsert.setObject(1, entry.runId());
      upsert.setString(2, entry.elementInstanceKey());
      upsert.setObject(3, entry.stepRunId());
      upsert.setString(4, entry.contribution().elementId());
      upsert.setString(5, entry.contribution().stepType());
      upsert.setString(6, json(entry.contribution()));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not record the ledger of step attempt "
              + entry.stepRunId()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /**
   * The records each of these runs read, wrote and rejected, summed over its ledger rows; a run
   * without rows is left out.
   */
  public Map<UUID, RunRecords> recordsOf(Collection<UUID> runIds) {
    if (runIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    select run_id,
                      sum(case when contribution->>'role' = 'SOURCE'
                          then (contribution->>'read')::bigint else 0 end) as read,
                      sum(case when contribution->>'role' = 'SINK'
                          then (contribution->>'inserted')::bigint + (contribution->>'updated')::bigint
                             + (contribution->>'unchanged')::bigint + (contribution->>'skippedOlder')::bigint
                          else 0 end) as written,
                      sum(coalesce((contribution->'rejected'->>'count')::bigint, 0)) as rejected
                    from step_ledger where run_id = any(:runs) group by run_id""")
                .bindArray("runs", UUID.class, runIds)
                .reduceRows(
                    new HashMap<UUID, RunRecords>(),
                    (records, row) -> {
                      records.put(
                          row.getColumn("run_id", UUID.class),
                          new RunRecords(
                              row.getColumn("read", Long.class),
                              row.getColumn("written", Long.class),
                              row.getColumn("rejected", Long.class)));
                      return records;
                    }));
  }

  /** The run's rows, in the order their attempts completed. */
  public List<StepContribution> of(UUID runId) {
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "select contribution from step_ledger where run_id = :run order by recorded_at, element_id")
                    .bind("run", runId)
                    .mapTo(String.class)
                    .list())
        .stream()
        .map(StepLedger::parse)
        .toList();
  }

  /**
   * The run's rows but the one of this task (an earlier attempt at it, which the attempt asking
   * replaces), in the order their attempts completed.
   */
  public List<StepContribution> ofOtherTasks(UUID runId, String elementInstanceKey) {
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "select contribution from step_ledger where run_id = :run"
                            + " and element_instance_key <> :task order by recorded_at, element_id")
                    .bind("run", runId)
                    .bind("task", elementInstanceKey)
                    .mapTo(String.class)
                    .list())
        .stream()
        .map(StepLedger::parse)
        .toList();
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
