package io.millflow.engine.ledger;

import io.millflow.step.LedgerMeasurement;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A run's ledger, path by path, and what it means for the run's end: whether its cursors may move.
 */
@Singleton
public class RunLedger {

  /**
   * The ledger's word on a run that completed. {@code reason} names the first path that does not
   * balance, or null.
   */
  public record Verdict(List<PathLedger> paths, String reason) {

    public boolean balanced() {
      return reason == null;
    }

    /**
     * Whether the run's cursors may be committed: every path balances and no sink rejected a record
     * (a rejected record is read again by the next run, from the same cursor, until a sink takes
     * it).
     */
    public boolean movesCursors() {
      return balanced() && paths.stream().allMatch(path -> path.rejectedBySink() == 0);
    }
  }

  private final StepLedger ledger;

  public RunLedger(StepLedger ledger) {
    this.ledger = ledger;
  }

  public List<PathLedger> paths(UUID runId) {
    return LedgerPaths.of(ledger.of(runId));
  }

  /**
   * The ledger's word on a sink's attempt before the engine takes its completion: the path that
   * ends at this sink, from the run's other rows and this attempt's. Any other attempt balances
   * here: only a sink ends a checked path, and a path's sources and transforms completed before its
   * sink took their datasets.
   */
  public Verdict verdictAt(StepLedger.Entry attempt) {
    StepContribution sink = attempt.contribution();
    if (sink.role() != Role.SINK) {
      return new Verdict(List.of(), null);
    }
    List<StepContribution> steps =
        new ArrayList<>(ledger.ofOtherTasks(attempt.runId(), attempt.elementInstanceKey()));
    steps.add(sink);
    PathLedger path = LedgerPaths.to(steps, sink);
    return new Verdict(List.of(path), path.balanced() ? null : path.gapText());
  }

  public Verdict verdict(UUID runId) {
    if (!LedgerMeasurement.isOn()) {
      return new Verdict(List.of(), null); // a benchmark's run without the ledger
    }
    List<PathLedger> paths = paths(runId);
    return new Verdict(
        paths,
        paths.stream()
            .filter(path -> !path.balanced())
            .map(PathLedger::gapText)
            .findFirst()
            .orElse(null));
  }
}
