package io.millflow.engine.flow;

import java.time.Instant;

/**
 * A timer start event of a flow's latest version: what it says ({@code kind} cycle, cron, date, or
 * expression for a FEEL expression only Zeebe can evaluate) and when it fires next (null when it
 * never will again, while it is paused, or when only Zeebe can tell); {@code pausedAt} when its
 * flow's schedules are paused.
 */
public record Schedule(
    String flowId,
    int version,
    String elementId,
    String name,
    Kind kind,
    String expression,
    Instant nextFireAt,
    String note,
    Instant pausedAt) {

  public enum Kind {
    CYCLE,
    CRON,
    DATE,
    EXPRESSION
  }
}
