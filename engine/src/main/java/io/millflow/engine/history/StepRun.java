package io.millflow.engine.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One attempt of one step in a run; {@code worker} is the instance that ran it. {@code batchUnit}
 * ({@code page} or {@code window}), {@code batchesDone} and {@code batchesTotal} say how many pages
 * or windows a step that reads in batches has read (null when it does not report them).
 */
public record StepRun(
    UUID id,
    String elementId,
    String stepType,
    String jobKey,
    int attempt,
    String status,
    Instant startedAt,
    Instant endedAt,
    Long recordsIn,
    Long recordsOut,
    Long progressDone,
    Long progressTotal,
    String batchUnit,
    Long batchesDone,
    Long batchesTotal,
    String inputSummary,
    String outputSummary,
    String errorCode,
    String error,
    String worker) {}
