package io.millflow.step.write;

import io.millflow.step.DatasetRef;
import io.millflow.step.Rejects;
import io.millflow.step.StepFailure;

/**
 * Counts a write step's per-record diffs or outcomes into its {@link RecordWriteResult}, and ends a
 * write in {@code WRITE_REJECTED} when the system refused more than the allowed share. Not
 * thread-safe.
 */
public final class WriteTally {

  private final boolean dryRun;
  private long total;
  private long creates;
  private long updates;
  private long unchanged;
  private long written;
  private final Rejects.Tally rejects = new Rejects.Tally();

  public WriteTally(boolean dryRun) {
    this.dryRun = dryRun;
  }

  public void count(WriteDiff diff) {
    total++;
    switch (diff.action()) {
      case WriteDiff.CREATE -> creates++;
      case WriteDiff.UPDATE -> updates++;
      case WriteDiff.UNCHANGED -> unchanged++;
      default -> refused(rejects, diff.key(), diff.errorCode());
    }
  }

  public void count(WriteOutcome outcome) {
    total++;
    switch (outcome.outcome()) {
      case WriteOutcome.CREATED -> {
        creates++;
        written++;
      }
      case WriteOutcome.UPDATED -> {
        updates++;
        written++;
      }
      case WriteOutcome.UNCHANGED -> unchanged++;
      default -> refused(rejects, outcome.key(), outcome.errorCode());
    }
  }

  /**
   * One refused record for the run's ledger: named by its key, its reason the system's error code,
   * never its message (which may quote the record's values).
   */
  public static void refused(Rejects.Tally rejects, String key, String errorCode) {
    rejects.reject(
        key == null || key.isBlank() ? "a record without a key" : key,
        errorCode == null || errorCode.isBlank() ? "refused without an error code" : errorCode);
  }

  public RecordWriteResult result(DatasetRef records) {
    return new RecordWriteResult(
        records, dryRun, total, creates, updates, unchanged, written, rejects.rejects());
  }

  /**
   * Throws {@code WRITE_REJECTED} (a BPMN error) when a write's refused share is above {@code
   * maxShare}; a dry run never does.
   */
  public static void checkRejectedShare(RecordWriteResult result, double maxShare, String system) {
    if (result.dryRun() || result.total() == 0) {
      return;
    }
    double share = (double) result.rejected() / result.total();
    if (share > maxShare) {
      throw new StepFailure(
          "WRITE_REJECTED",
          system
              + " refused "
              + result.rejected()
              + " of "
              + result.total()
              + " records, more than the allowed share "
              + maxShare
              + "; "
              + result.written()
              + " were written. Each record's code and message are in dataset "
              + result.records().dataset()
              + ".");
    }
  }
}
