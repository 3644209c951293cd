package io.millflow.engine.history;

import java.time.Instant;
import java.util.UUID;

/**
 * One run of a flow (one Zeebe process instance), as the run history keeps it. {@code incidentAt}
 * is when a run at an incident stopped there (null otherwise), so its duration stops too; {@code
 * businessKey} is what the run is about to its starter: the API start's {@code businessKey}, or the
 * event id of the webhook that started it.
 */
public record FlowRun(
    UUID id,
    String flowId,
    Integer flowVersion,
    String status,
    String startedBy,
    Instant startedAt,
    Instant endedAt,
    String error,
    String processInstanceKey,
    Instant incidentAt,
    String businessKey) {}
