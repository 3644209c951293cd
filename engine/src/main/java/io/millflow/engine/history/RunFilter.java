package io.millflow.engine.history;

import java.time.Instant;

/** Filters of the run list; null means "any". */
public record RunFilter(String flowId, String status, Instant since, int limit) {}
