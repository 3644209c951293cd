package io.millflow.engine.history;

import java.util.List;

/** A run with each step attempt and its log, for {@code GET /api/runs/{id}}. */
public record RunDetail(FlowRun run, List<StepAttempt> steps) {

  public record StepAttempt(StepRun step, List<StepLogLine> log, String errorDetail) {}
}
