package io.millflow.engine.flow;

import java.time.Instant;

/** A row of the flow list: the latest version and how its last run went. */
public record FlowSummary(
    String id,
    String name,
    int version,
    String origin,
    Instant deployedAt,
    String lastRunStatus,
    Instant lastRunAt) {}
