package io.millflow.engine.run;

import io.millflow.engine.catalog.StepCatalog;
import io.millflow.engine.config.InstanceName;
import io.millflow.engine.config.MillflowConfig;
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
import io.millflow.engine.observe.Readiness;
import io.millflow.engine.port.ProcessEngine;
import io.millflow.engine.port.TaskWorker;
import io.millflow.engine.security.FlowSecrets;
import io.millflow.engine.store.StateStore;
import io.millflow.engine.sync.SyncCursors;
import io.millflow.engine.sync.SyncModes;
import io.millflow.step.StepDescriptor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jdbi.v3.core.Jdbi;

/**
 * Hands the engine one worker per step type, each running its attempts through an {@link
 * AttemptRunner}.
 */
@Singleton
public class StepWorkers {

  private static final Logger LOG = Logger.getLogger(StepWorkers.class);

  private final ProcessEngine engine;
  private final StepCatalog steps;
  private final WorkerServices services;
  private final Optional<Duration> jobTimeout;
  private final Readiness readiness;
  private final Jdbi store;

  public StepWorkers(
      ProcessEngine engine,
      StepCatalog steps,
      RunHistory history,
      StepConnections connections,
      PostgresDatasetStore datasets,
      SyncCursors cursors,
      OutboundEvents events,
      ErrorCatchers errorCatchers,
      FlowOwners owners,
      FlowSecrets secrets,
      AuthoredSecrets authoredSecrets,
      ElementNames elementNames,
      MillflowConfig config,
      StepLedger ledger,
      RunLedger runLedger,
      SyncModes syncModes,
      AttemptObserver observer,
      Readiness readiness,
      BoundedFeel feel,
      StateStore store) {
    this.engine = engine;
    this.store = store.jdbi();
    this.readiness = readiness;
    this.steps = steps;
    this.jobTimeout = config.zeebe().jobTimeout();
    this.services =
        new WorkerServices(
            owners,
            new SecretReferences(secrets),
            authoredSecrets,
            elementNames,
            engine.engineId(),
            InstanceName.of(config),
            history,
            connections,
            datasets,
            cursors,
            events,
            errorCatchers,
            new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()),
            new TimeoutExtender(),
            Clock.systemUTC(),
            ledger,
            runLedger,
            syncModes,
            observer,
            feel);
  }

  public void open() {
    List<TaskWorker> workers = steps.all().stream().map(this::workerOf).toList();
    engine.openWorkers(workers, new RunEnds(services, store));
    readiness.workersOpened();
    LOG.infof(
        "Workers of %s open for %d step types: %s",
        services.worker(),
        steps.all().size(),
        steps.all().stream().map(StepDescriptor::id).toList());
  }

  private TaskWorker workerOf(StepDescriptor step) {
    Duration lock = jobTimeout.orElse(step.timeout());
    return new TaskWorker(
        step.id(), lock, CursorInput.variableNames(step), new AttemptRunner(step, lock, services));
  }

  @PreDestroy
  void close() {
    services.timeoutExtender().close();
  }
}
