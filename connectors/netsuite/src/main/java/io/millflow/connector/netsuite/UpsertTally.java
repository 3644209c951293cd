package io.millflow.connector.netsuite;

import io.millflow.step.DatasetRef;
import io.millflow.step.Rejects;
import io.millflow.step.write.RecordWriteResult;
import io.millflow.step.write.WriteTally;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts an upsert's per-record outcomes and the unified fields it left out. A write counts what
 * NetSuite created (a create, an item receipt) and updated (an update) as such; an upsert is
 * written without NetSuite saying which. Not thread-safe.
 */
final class UpsertTally {

  private final boolean dryRun;
  private long total;
  private long creates;
  private long updates;
  private long unchanged;
  private long written;
  private final Rejects.Tally rejects = new Rejects.Tally();
  private final Map<String, Long> unwritten = new HashMap<>();

  UpsertTally(boolean dryRun) {
    this.dryRun = dryRun;
  }

  void count(Object outcome, List<String> unwrittenFields) {
    total++;
    switch (outcome) {
      case UpsertDiff diff -> {
        switch (diff.action()) {
          case "create" -> creates++;
          case "update" -> updates++;
          case "unchanged" -> unchanged++;
          default -> WriteTally.refused(rejects, diff.key(), diff.errorCode());
        }
      }
      case UpsertOutcome result -> {
        switch (result.outcome()) {
          case UpsertOutcome.REJECTED ->
              WriteTally.refused(rejects, result.key(), result.errorCode());
          case UpsertOutcome.UNCHANGED -> unchanged++;
          case UpsertOutcome.CREATED, UpsertOutcome.RECEIVED -> {
            creates++;
            written++;
          }
          case UpsertOutcome.UPDATED -> {
            updates++;
            written++;
          }
          default -> written++;
        }
      }
      default -> throw new IllegalArgumentException("Not an upsert outcome: " + outcome);
    }
    unwrittenFields.forEach(field -> unwritten.merge(field, 1L, Long::sum));
  }

  RecordWriteResult result(DatasetRef records) {
    return new RecordWriteResult(
        records, dryRun, total, creates, updates, unchanged, written, rejects.rejects());
  }

  Map<String, Long> unwritten() {
    return unwritten;
  }
}
