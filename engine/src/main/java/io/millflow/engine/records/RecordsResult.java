package io.millflow.engine.records;

import io.millflow.step.DatasetRef;
import java.util.Map;

/**
 * What a record step did: its output dataset, how many records it read, passed on and rejected, and
 * the rejected records with their reasons.
 *
 * <p>The rejects sit in a nested record on purpose: the ledger and the run history count the
 * datasets an output holds directly as passed on, and rejected records are counted as rejected.
 */
public record RecordsResult(
    DatasetRef records, long in, long out, long rejected, RejectedRecords rejects) {

  /**
   * The rejected records, each as {@code {number, reason, record}} (its place in the input from 1,
   * why, and the record as read), and how many for each reason.
   */
  public record RejectedRecords(DatasetRef dataset, Map<String, Long> reasons) {}
}
