package io.millflow.engine.history;

import java.time.Instant;
import java.util.UUID;

/** One attempt of one step in a run; {@code worker} is the instance that ran it. */
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
    String inputSummary,
    String outputSummary,
    String errorCode,
    String error,
    String worker) {}
