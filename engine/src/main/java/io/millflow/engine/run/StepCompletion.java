package io.millflow.engine.run;

import io.millflow.engine.history.RunHistory;
import io.millflow.engine.ledger.StepLedger;
import io.millflow.engine.port.CompletionRecord;
import io.millflow.engine.store.StoreOutage;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;

/**
 * The end of a completed attempt in the run history (its record counts and output summary) and its
 * ledger row.
 */
final class StepCompletion implements CompletionRecord {

  private static final Duration RECORD_WITHIN = Duration.ofSeconds(30);

  private final RunHistory history;
  private final String stepType;
  private final UUID stepRunId;
  private final Long recordsIn;
  private final Long recordsOut;
  private final String outputSummary;
  private final StepLedger ledger;
  private final StepLedger.Entry ledgerEntry;

  StepCompletion(
      RunHistory history,
      String stepType,
      UUID stepRunId,
      Long recordsIn,
      Long recordsOut,
      String outputSummary,
      StepLedger ledger,
      StepLedger.Entry ledgerEntry) {
    this.history = history;
    this.stepType = stepType;
    this.stepRunId = stepRunId;
    this.recordsIn = recordsIn;
    this.recordsOut = recordsOut;
    this.outputSummary = outputSummary;
    this.ledger = ledger;
    this.ledgerEntry = ledgerEntry;
  }

  /**
   * Before the engine is asked to take the completion (Camunda 8): the ledger row, which the run's
   * end reads and a later attempt at the same task replaces, so writing it for a completion the
   * engine then refuses is harmless. None when a benchmark switched the ledger off.
   */
  @Override
  public void beforeCompletion() {
    if (ledgerEntry == null) {
      return;
    }
    StoreOutage.persistently(
        "recording the ledger of step " + stepType,
        RECORD_WITHIN,
        () -> {
          ledger.save(ledgerEntry);
          return null;
        });
  }

  /**
   * After the engine took the completion: the record must outlast a short outage, or the attempt
   * shows running for ever.
   */
  @Override
  public void record() {
    StoreOutage.persistently(
        "recording the end of step " + stepType,
        RECORD_WITHIN,
        () -> {
          history.completeStep(stepRunId, recordsIn, recordsOut, outputSummary);
          return null;
        });
  }

  @Override
  public void record(Connection transaction) {
    history.completeStep(transaction, stepRunId, recordsIn, recordsOut, outputSummary);
    if (ledgerEntry != null) {
      ledger.save(transaction, ledgerEntry);
    }
  }
}
