package io.millflow.step.write;

import io.millflow.step.DatasetRef;

/**
 * What a write step to a system returns: the per-record dataset ({@link WriteDiff}s for a dry run,
 * {@link WriteOutcome}s for a write) and its counts, small enough for a gateway's condition ({@code
 * =result.rejected = 0}). A dry run counts {@code creates}, {@code updates}, {@code unchanged} and
 * {@code rejected}; a write also counts {@code written} (created + updated).
 */
public record RecordWriteResult(
    DatasetRef records,
    boolean dryRun,
    long total,
    long creates,
    long updates,
    long unchanged,
    long written,
    long rejected) {}
