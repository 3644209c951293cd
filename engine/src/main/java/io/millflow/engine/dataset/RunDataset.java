package io.millflow.engine.dataset;

import java.util.UUID;

/**
 * A dataset one step attempt of a run read ({@code role} {@code read}) or wrote ({@code written}),
 * as {@code GET /api/runs/{id}/datasets} lists it. {@code records} is its record count, null once
 * retention has deleted it ({@code available} false): the run's ledger still holds the counts.
 */
public record RunDataset(
    UUID stepRunId,
    String elementId,
    String stepType,
    String role,
    String dataset,
    String entity,
    Long records,
    boolean available) {}
