package io.millflow.connector.netsuite;

import io.millflow.step.DatasetRef;
import io.millflow.step.write.RecordWriteResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Counts an upsert's per-record outcomes and the unified fields it left out. Not thread-safe. */
final class UpsertTally {

  private final boolean dryRun;
  private long total;
  private long creates;
  private long updates;
  private long unchanged;
  private long written;
  private long rejected;
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
          default -> rejected++;
        }
      }
      case UpsertOutcome result -> {
        switch (result.outcome()) {
          case UpsertOutcome.REJECTED -> rejected++;
          case UpsertOutcome.UNCHANGED -> unchanged++;
          default -> written++;
        }
      }
      default -> throw new IllegalArgumentException("Not an upsert outcome: " + outcome);
    }
    unwrittenFields.forEach(field -> unwritten.merge(field, 1L, Long::sum));
  }

  RecordWriteResult result(DatasetRef records) {
    return new RecordWriteResult(
        records, dryRun, total, creates, updates, unchanged, written, rejected);
  }

  Map<String, Long> unwritten() {
    return unwritten;
  }
}
