package io.millflow.engine.ledger;

import io.millflow.step.RecordAccount;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** A run in a real state store for the ledger's tests, and its steps' attempts recorded on it. */
final class LedgerRuns {

  private final StepLedger ledger;
  private final UUID run;

  LedgerRuns(Jdbi jdbi, StepLedger ledger) {
    this.ledger = ledger;
    this.run = newRun(jdbi);
  }

  UUID id() {
    return run;
  }

  /** One completed attempt at element {@code element}, its task named after it. */
  void record(String element, String type, Object input, Object output, RecordAccount account) {
    ledger.record(
        run, UUID.randomUUID(), element, element + "-instance", type, input, output, account);
  }

  private static UUID newRun(Jdbi jdbi) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into flow_run (id, tenant_id, engine_id, process_instance_key, flow_id, status, started_by)
            values (:id, 't', 'test', :key, 'flow', 'running', 'api')""")
                .bind("id", id)
                .bind("key", id.toString())
                .execute());
    return id;
  }
}
