package io.millflow.engine.history;

import java.time.Instant;
import java.util.UUID;

/** One run of a flow (one Zeebe process instance), as the run history keeps it. */
public record FlowRun(
    UUID id,
    String flowId,
    Integer flowVersion,
    String status,
    String startedBy,
    Instant startedAt,
    Instant endedAt,
    String error,
    String processInstanceKey) {}
