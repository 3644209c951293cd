package io.millflow.engine.history;

import java.time.Instant;

/**
 * Filters of the run list and the page of it wanted; null means "any". {@code search} matches a run
 * id (or its start), the engine's instance key, the run's business key, or a part of the run's
 * error. {@code startedBy} is who started the run, exactly as recorded ({@code trigger:<name>},
 * {@code token:<name>}, {@code engine} for a schedule or a message); {@code businessKey} is the
 * run's business key, exactly (the API start's key, or the event id of the webhook that started
 * it). Both are answered from an index.
 */
public record RunFilter(
    String flowId,
    String status,
    Instant since,
    Instant until,
    String search,
    String startedBy,
    String businessKey,
    int limit,
    int offset) {

  public RunFilter {
    search = blankAsNull(search);
    startedBy = blankAsNull(startedBy);
    businessKey = blankAsNull(businessKey);
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
