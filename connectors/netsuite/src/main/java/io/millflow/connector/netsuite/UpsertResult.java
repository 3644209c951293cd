package io.millflow.connector.netsuite;

import io.millflow.step.DatasetRef;

/**
 * What an upsert step returns: the per-record dataset ({@link UpsertDiff}s for a dry run, {@link
 * UpsertOutcome}s for a write) and its counts, small enough for a gateway's condition ({@code
 * =diff.rejected = 0}). A dry run counts {@code creates}, {@code updates}, {@code unchanged} and
 * {@code rejected}; a write counts {@code written}, {@code rejected} and, where there was nothing
 * to write, {@code unchanged}.
 */
public record UpsertResult(
    DatasetRef records,
    boolean dryRun,
    long total,
    long creates,
    long updates,
    long unchanged,
    long written,
    long rejected) {}
