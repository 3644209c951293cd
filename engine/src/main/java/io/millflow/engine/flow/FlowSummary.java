package io.millflow.engine.flow;

import java.time.Instant;

/**
 * A row of the flow list: the latest version, how its last run went, and since when it is disabled
 * (null: it starts runs).
 */
public record FlowSummary(
    String id,
    String name,
    int version,
    String origin,
    Instant deployedAt,
    String lastRunStatus,
    Instant lastRunAt,
    Instant disabledAt) {}
