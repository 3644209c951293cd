package io.millflow.engine.api;

import io.millflow.engine.history.FlowRun;
import io.millflow.engine.history.RunDetail;
import io.millflow.engine.ledger.PathLedger;
import io.millflow.engine.sync.SyncMode;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/runs/{id}}: the run, each step attempt with its log, the run's ledger, path by
 * path, and what its incremental sources read ({@code sync}).
 */
public record RunView(
    FlowRun run, List<RunDetail.StepAttempt> steps, List<PathLedger> ledger, Sync sync) {

  /**
   * {@code incremental} (from the committed cursor), {@code backfill} over {@code [from, to)}, or
   * {@code refresh}.
   */
  public record Sync(String kind, Instant from, Instant to) {

    static Sync of(SyncMode mode) {
      return switch (mode) {
        case SyncMode.Incremental incremental -> new Sync(incremental.kind(), null, null);
        case SyncMode.Backfill backfill ->
            new Sync(backfill.kind(), backfill.from(), backfill.to());
        case SyncMode.Refresh refresh -> new Sync(refresh.kind(), null, null);
      };
    }
  }
}
