package io.millflow.engine.api;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunDetail;
import io.millflow.engine.ledger.PathLedger;
import java.util.List;

/** {@code GET /api/runs/{id}}: the run, each step attempt with its log, and the run's ledger, path by path. */
public record RunView(FlowRun run, List<RunDetail.StepAttempt> steps, List<PathLedger> ledger) {}
