package io.millflow.engine.run;

import io.millflow.engine.connection.StepConnections;
import io.millflow.engine.dataset.PostgresDatasetStore;
import io.millflow.engine.events.OutboundEvents;
import io.millflow.engine.feel.BoundedFeel;
import io.millflow.engine.flow.AuthoredSecrets;
import io.millflow.engine.flow.ElementNames;
import io.millflow.engine.flow.ErrorCatchers;
import io.millflow.engine.flow.FlowOwners;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.ledger.RunLedger;
import io.millflow.engine.ledger.StepLedger;
import io.millflow.engine.observe.AttemptObserver;
import io.millflow.engine.sync.SyncCursors;
import io.millflow.engine.sync.SyncModes;
import java.time.Clock;

/** What every attempt shares; {@code worker} names this instance in the run history. */
record WorkerServices(
    FlowOwners owners,
    SecretReferences secrets,
    AuthoredSecrets authoredSecrets,
    ElementNames elementNames,
    String engineId,
    String worker,
    RunHistory history,
    StepConnections connections,
    PostgresDatasetStore datasets,
    SyncCursors cursors,
    OutboundEvents events,
    ErrorCatchers errorCatchers,
    Backoff backoff,
    TimeoutExtender timeoutExtender,
    Clock clock,
    StepLedger ledger,
    RunLedger runLedger,
    SyncModes syncModes,
    AttemptObserver observer,
    BoundedFeel feel) {}
