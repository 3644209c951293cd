package io.millflow.engine.history;

import java.time.Instant;

/**
 * Filters of the run list and the page of it wanted; null means "any". {@code search} matches a run
 * id (or its start), the engine's instance key, the id of the webhook event that started the run
 * (its business key), or a part of the run's error.
 */
public record RunFilter(
    String flowId,
    String status,
    Instant since,
    Instant until,
    String search,
    int limit,
    int offset) {

  public RunFilter {
    search = search == null || search.isBlank() ? null : search.strip();
  }
}
