package io.millflow.engine.worker;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.millflow.engine.catalog.StepCatalog;
import io.millflow.engine.config.MillflowConfig;
import io.millflow.engine.connection.StepConnections;
import io.millflow.engine.dataset.PostgresDatasetStore;
import io.millflow.engine.events.OutboundEvents;
import io.millflow.engine.flow.ErrorCatchers;
import io.millflow.engine.flow.FlowOwners;
import io.millflow.engine.flow.FlowDeployer;
import io.millflow.engine.history.RunHistory;
import io.millflow.engine.sync.SyncCursors;
import io.millflow.engine.zeebe.ZeebeRuntime;
import io.millflow.step.StepDescriptor;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Opens one job worker per step type, and the worker of the run-end listener. Workers stay open for the life of the
 * process: a closed polling worker can leave a long poll behind that still takes jobs.
 */
@Singleton
public class StepWorkers {

  private static final Logger LOG = Logger.getLogger(StepWorkers.class);

  private final ZeebeRuntime zeebe;
  private final StepCatalog steps;
  private final WorkerServices services;
  private final List<JobWorker> workers = new ArrayList<>();
  private final Optional<Duration> jobTimeout;

  public StepWorkers(ZeebeRuntime zeebe, StepCatalog steps, RunHistory history, StepConnections connections,
      PostgresDatasetStore datasets, SyncCursors cursors, OutboundEvents events, ErrorCatchers errorCatchers,
      FlowOwners owners, io.millflow.engine.security.FlowSecrets secrets, MillflowConfig config) {
    this.zeebe = zeebe;
    this.steps = steps;
    this.jobTimeout = config.zeebe().jobTimeout();
    this.services = new WorkerServices(owners, new SecretReferences(secrets), zeebe.engineId(),
        config.zeebe().workerName().orElseGet(StepWorkers::hostAndPid), history, connections, datasets, cursors, events, errorCatchers,
        new Backoff(config.retry().initialBackoff(), config.retry().maxBackoff()),
        heldByWorker(config, zeebe) ? new RetryDelay.HeldByWorker(zeebe.client()) : new RetryDelay.ZeebeBackoff(),
        new TimeoutExtender(zeebe.client()), Clock.systemUTC());
  }

  private static boolean heldByWorker(MillflowConfig config, ZeebeRuntime zeebe) {
    return config.zeebe().retryBackoff()
        .map(backoff -> backoff == MillflowConfig.RetryBackoff.WORKER)
        .orElse(zeebe.mode() == ZeebeRuntime.EngineMode.EMBEDDED);
  }

  public void open() {
    CamundaClient client = zeebe.client();
    for (StepDescriptor step : steps.all()) {
      Duration timeout = jobTimeout.orElse(step.timeout());
      workers.add(client.newWorker().jobType(step.id()).handler(new StepJobHandler(step, timeout, services))
          .name("millflow-" + step.id())
          .timeout(timeout)
          .fetchVariables(StepInputReader.variableNames(step))
          .open());
    }
    workers.add(client.newWorker().jobType(FlowDeployer.RUN_END_JOB_TYPE)
        .handler(new RunEndListener(services))
        .name("millflow-run-end").timeout(Duration.ofSeconds(30)).fetchVariables(List.of()).open());
    LOG.infof("Workers of %s open for %d step types: %s", services.worker(), steps.all().size(),
        steps.all().stream().map(StepDescriptor::id).toList());
  }

  private static String hostAndPid() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }

  @PreDestroy
  void close() {
    workers.forEach(JobWorker::close);
    services.timeoutExtender().close();
    services.retryDelay().close();
  }
}
