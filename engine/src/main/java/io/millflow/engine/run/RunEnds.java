package io.millflow.engine.run;

import io.millflow.engine.events.EventType;
import io.millflow.engine.events.RunEvents;
import io.millflow.engine.flow.FlowOwners;
import io.millflow.engine.history.RunKey;
import io.millflow.engine.history.RunStatus;
import io.millflow.engine.ledger.RunLedger;
import io.millflow.engine.port.AttemptOutcome;
import io.millflow.engine.port.RunEndHandler;
import io.millflow.engine.store.StoreOutage;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Told by the engine that an instance completed: the run history ends the run, and only now, with
 * every sink of the run done and the run's ledger balanced with no record rejected by a sink, may
 * its reads' cursors advance. Each write here may safely run again, so an unreachable store hands
 * the news back to be told again.
 */
final class RunEnds implements RunEndHandler {

  private final WorkerServices services;
  private final Jdbi store;

  RunEnds(WorkerServices services, Jdbi store) {
    this.services = services;
    this.store = store;
  }

  @Override
  public AttemptOutcome runEnded(String processId, String instanceKey) {
    try {
      FlowOwners.Owner owner = services.owners().ownerOf(processId);
      RunKey key = new RunKey(owner.tenantId(), services.engineId(), instanceKey);
      // One transaction (the store's statements on this thread share its handle): the run's end
      // and its cursors commit together, or neither does.
      Ended ended = store.inTransaction(h -> end(owner, key));
      services
          .observer()
          .runs()
          .ended(owner.tenantId(), owner.flowId(), ended.runId(), ended.status().stored());
      tell(owner, instanceKey, ended);
      return new AttemptOutcome.Completed(Map.of(), null);
    } catch (RuntimeException e) {
      if (!StoreOutage.isUnreachable(e)) {
        throw e;
      }
      return StoreUnavailable.handBack("the end of instance " + instanceKey, e);
    }
  }

  private Ended end(FlowOwners.Owner owner, RunKey key) {
    UUID runId = services.history().ensureRun(key, owner.flowId(), null, null);
    RunLedger.Verdict ledger = services.runLedger().verdict(runId);
    // Each sink's attempt already stopped at an incident when its path did not balance, so this
    // is a backstop: the instance has completed and no engine can stop it at an incident any
    // more, so a ledger that does not balance now fails the run, with the gap, and its cursors
    // stay.
    RunStatus status = ledger.balanced() ? RunStatus.COMPLETED : RunStatus.FAILED;
    services.history().endRun(runId, status, ledger.reason());
    if (ledger.movesCursors()) {
      services.cursors().commit(runId);
    }
    return new Ended(runId, status, ledger);
  }

  /** The run's events, once its end is committed; an event that cannot be stored is logged. */
  private void tell(FlowOwners.Owner owner, String instanceKey, Ended ended) {
    String runId = ended.runId().toString();
    if (ended.ledger().balanced()) {
      services
          .events()
          .emit(
              owner.tenantId(),
              EventType.SYNC_COMPLETED,
              RunEvents.completed(runId, owner.flowId(), instanceKey));
    } else {
      Map<String, Object> failed =
          RunEvents.failed(
              runId,
              owner.flowId(),
              instanceKey,
              null,
              null,
              null,
              "LEDGER_UNBALANCED",
              ended.ledger().reason());
      services.events().emit(owner.tenantId(), EventType.FLOW_INCIDENT, failed);
      services.events().emit(owner.tenantId(), EventType.SYNC_FAILED, failed);
    }
  }

  private record Ended(UUID runId, RunStatus status, RunLedger.Verdict ledger) {}
}
