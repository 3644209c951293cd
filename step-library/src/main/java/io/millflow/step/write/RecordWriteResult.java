package io.millflow.step.write;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.millflow.step.DatasetRef;
import io.millflow.step.Rejects;

/**
 * What a write step to a system returns: the per-record dataset ({@link WriteDiff}s for a dry run,
 * {@link WriteOutcome}s for a write) and its counts, small enough for a gateway's condition ({@code
 * =result.rejected = 0}). A dry run counts {@code creates}, {@code updates}, {@code unchanged} and
 * {@code rejected}; a write also counts {@code written}: created + updated, and those a system
 * wrote without saying which (a NetSuite upsert). {@code rejects} names the refused records (by
 * key) and counts them by the system's error code, for the run's ledger; {@code rejected} is its
 * count.
 */
public record RecordWriteResult(
    DatasetRef records,
    boolean dryRun,
    long total,
    long creates,
    long updates,
    long unchanged,
    long written,
    Rejects rejects) {

  public RecordWriteResult {
    rejects = rejects == null ? Rejects.NONE : rejects;
  }

  /** How many records the system refused (in a flow's variables too: {@code result.rejected}). */
  @JsonProperty
  public long rejected() {
    return rejects.count();
  }

  /** Records written without the system saying whether it created or updated them. */
  public long upserted() {
    return written - creates - updates;
  }
}
